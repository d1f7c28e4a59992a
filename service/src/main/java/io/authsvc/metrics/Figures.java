package io.authsvc.metrics;

/**
 * A feature's own gauges and counters beside the service's common ones: every bean of this type registers them at
 * start-up, when the server publishes MicroProfile Metrics ({@link AuthMetrics}), so that metrics needs to know no
 * feature.
 */
public interface Figures {

    void registerWith(MetricsBackend backend);
}
