package io.authsvc.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** {@link MetricsBackend} on MicroProfile Metrics (Payara); a class CDI ignores where that API is missing. */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsBackend {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /**
     * Each metric is made once and kept: Payara's registry is not safe when two threads make the same metric at
     * once (a {@code ConcurrentModificationException} in {@code TimerImpl}'s constructor, seen when the first
     * logins after start-up were hashed in parallel), and {@code computeIfAbsent} runs the making once per name.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, Supplier::get);
    }

    @Override
    public void timeSeconds(String name, String description, long nanos) {
        timers.computeIfAbsent(name, n -> registry.timer(Metadata.builder().withName(n)
                .withDescription(description).withUnit(MetricUnits.SECONDS).build()))
                .update(Duration.ofNanos(nanos));
    }

    @Override
    public Runnable counter(String name, String description) {
        Counter counter = counters.computeIfAbsent(name,
                n -> registry.counter(Metadata.builder().withName(n).withDescription(description).build()));
        return counter::inc;
    }

    @Override
    public void count(String name, String tag, String value) {
        String key = tag == null ? name : name + ':' + tag + '=' + value;
        counters.computeIfAbsent(key, k -> tag == null ? registry.counter(name) : registry.counter(name, new Tag(tag, value)))
                .inc();
    }
}
