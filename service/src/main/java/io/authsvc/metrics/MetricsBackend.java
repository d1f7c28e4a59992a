package io.authsvc.metrics;

import java.util.function.Supplier;

/**
 * Where {@link AuthMetrics} sends its figures. Its one implementation, {@link MicroProfileMetrics}, needs the
 * MicroProfile Metrics API; on a server without it (WildFly) CDI skips that bean and the figures go nowhere.
 */
public interface MetricsBackend {

    void gauge(String name, String description, Supplier<Number> value);

    void timeSeconds(String name, String description, long nanos);

    /** A counter without tags, made now; each run of the answer adds one. */
    Runnable counter(String name, String description);

    /** {@code tag} and {@code value} may be null: a counter without tags. */
    void count(String name, String tag, String value);
}
