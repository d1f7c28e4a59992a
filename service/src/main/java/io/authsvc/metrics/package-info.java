/**
 * The service's figures in the server's MicroProfile Metrics ({@code /metrics}, only with {@code METRICS_ENABLED}):
 * counters and timings that the features report to {@code AuthMetrics}, the connection pool's gauges, and each
 * feature's own {@code Figures}. It knows no feature; no figure holds a secret or an identifier.
 */
package io.authsvc.metrics;
