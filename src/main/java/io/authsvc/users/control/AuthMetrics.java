package io.authsvc.users.control;

import io.authsvc.security.TokenRejected;
import io.authsvc.payara.PayaraInternals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The service's own figures in the server's {@code /metrics} (Prometheus text, {@code mp_scope="application"}):
 * {@code auth_logins_total{outcome}}, {@code auth_registrations_total}, {@code auth_token_rejections_total{reason}},
 * {@code auth_password_hash_seconds} (every bcrypt hash and check, with buckets), {@code auth_hash_queue} and
 * {@code auth_hash_threads_busy}, and {@code auth_db_connections_in_use} / {@code auth_db_connections_idle} of the
 * connection pool.
 */
@ApplicationScoped
public class AuthMetrics {

    public static final String LOGIN_OK = "ok";
    public static final String LOGIN_FAILED = "failed";
    public static final String LOGIN_DEACTIVATED = "deactivated";
    public static final String LOGIN_THROTTLED = "throttled";
    /** The JNDI name of the data source (web.xml), which Payara's name of its pool contains. */
    private static final String POOL = "jdbc/auth";
    private static final Metadata HASH_TIME = Metadata.builder().withName("auth_password_hash")
            .withDescription("Time of one bcrypt hash or check, on its hashing thread").withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    PasswordHasher hasher;

    /** At start-up, so that the gauges are there before the first login. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        registry.gauge(Metadata.builder().withName("auth_hash_queue")
                .withDescription("Calls waiting for a hashing thread").build(), hasher, PasswordHasher::queueLength);
        registry.gauge(Metadata.builder().withName("auth_hash_threads_busy")
                .withDescription("Hashing threads taken, of HASH_POOL_SIZE").build(), hasher, PasswordHasher::busyThreads);
        registry.gauge(Metadata.builder().withName("auth_db_connections_in_use")
                .withDescription("Connections of the pool taken by a call").build(), this,
                metrics -> metrics.pool().map(PayaraInternals.PoolFigures::inUse).orElse(0));
        registry.gauge(Metadata.builder().withName("auth_db_connections_idle")
                .withDescription("Connections of the pool open and free").build(), this,
                metrics -> metrics.pool().map(PayaraInternals.PoolFigures::idle).orElse(0));
    }

    /** One bcrypt hash or check took {@code nanos}. */
    public void hashed(long nanos) {
        registry.timer(HASH_TIME).update(Duration.ofNanos(nanos));
    }

    private Optional<PayaraInternals.PoolFigures> pool() {
        return PayaraInternals.connectionPool(POOL);
    }

    public void login(String outcome) {
        registry.counter("auth_logins", new Tag("outcome", outcome)).inc();
    }

    public void registration() {
        registry.counter("auth_registrations").inc();
    }

    public void tokenRejected(String reason) {
        registry.counter("auth_token_rejections", new Tag("reason", reason)).inc();
    }

    void onRejection(@Observes TokenRejected rejection) {
        tokenRejected(rejection.reason());
    }
}
