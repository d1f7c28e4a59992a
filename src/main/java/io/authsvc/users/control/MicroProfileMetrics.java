package io.authsvc.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** {@link MetricsBackend} on MicroProfile Metrics (Payara); a class CDI ignores where that API is missing. */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsBackend {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, Metadata> timers = new ConcurrentHashMap<>();

    @Override
    public void gauge(String name, String description, Supplier<Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, Supplier::get);
    }

    @Override
    public void timeSeconds(String name, String description, long nanos) {
        Metadata metadata = timers.computeIfAbsent(name, n -> Metadata.builder().withName(n)
                .withDescription(description).withUnit(MetricUnits.SECONDS).build());
        registry.timer(metadata).update(Duration.ofNanos(nanos));
    }

    @Override
    public void count(String name, String tag, String value) {
        if (tag == null) {
            registry.counter(name).inc();
        } else {
            registry.counter(name, new Tag(tag, value)).inc();
        }
    }
}
