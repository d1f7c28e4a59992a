package io.authsvc.metrics;

import io.authsvc.host.Hosts;
import io.authsvc.payara.PayaraInternals;
import io.authsvc.security.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The service's own figures in the server's {@code /metrics} (Prometheus text, {@code mp_scope="application"}):
 * {@code auth_logins_total{outcome}}, {@code auth_registrations_total}, {@code auth_token_rejections_total{reason}},
 * {@code auth_password_hash_seconds} (every bcrypt hash and check, with buckets),
 * {@code auth_db_connections_in_use} / {@code auth_db_connections_idle} of the connection pool, and each feature's
 * own {@link Figures} (the hashing pool's {@code auth_hash_queue} and {@code auth_hash_threads_busy}, the account
 * cache's {@code auth_account_cache_*}).
 */
@ApplicationScoped
public class AuthMetrics {

    public static final String LOGIN_OK = "ok";
    public static final String LOGIN_FAILED = "failed";
    public static final String LOGIN_DEACTIVATED = "deactivated";
    public static final String LOGIN_THROTTLED = "throttled";
    /** The right password of an unverified address while {@code REQUIRE_VERIFIED_EMAIL} is true. */
    public static final String LOGIN_UNVERIFIED = "unverified";
    /** The JNDI name of the data source (web.xml), which Payara's name of its pool contains. */
    private static final String POOL = "jdbc/auth";
    private static final Logger LOG = Logger.getLogger(AuthMetrics.class.getName());

    @Inject
    Instance<MetricsBackend> backends;

    /** Null where the server has no MicroProfile Metrics: every figure is then dropped. */
    private MetricsBackend registry;

    /** The features' own figures (the hashing pool, the account cache). */
    @Inject
    Instance<Figures> figures;

    /** At start-up, so that the gauges are there before the first login. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!backends.isResolvable()) {
            LOG.warning("no MicroProfile Metrics in this server: the service's own figures are not published");
            return;
        }
        try {
            MetricsBackend backend = backends.get();
            registerWith(backend);
            registry = backend;
        } catch (RuntimeException off) {
            // Payara with its metrics service off (server-config: METRICS_ENABLED unset) has the API but no
            // registry: its producer fails on first use. The service runs on, its figures go nowhere.
            registry = null;
            LOG.info("MicroProfile Metrics is off in this server (METRICS_ENABLED): the service's own figures are"
                    + " not published");
        }
    }

    private void registerWith(MetricsBackend backend) {
        backend.gauge("auth_db_connections_in_use", "Connections of the pool taken by a call",
                () -> pool().map(PayaraInternals.PoolFigures::inUse).orElse(0));
        backend.gauge("auth_db_connections_idle", "Connections of the pool open and free",
                () -> pool().map(PayaraInternals.PoolFigures::idle).orElse(0));
        figures.forEach(feature -> feature.registerWith(backend));
    }

    /** One bcrypt hash or check took {@code nanos}. */
    public void hashed(long nanos) {
        if (registry != null) {
            registry.timeSeconds("auth_password_hash", "Time of one bcrypt hash or check, on its hashing thread", nanos);
        }
    }

    private Optional<PayaraInternals.PoolFigures> pool() {
        return Hosts.current().connectionPool(POOL);
    }

    public void login(String outcome) {
        if (registry != null) {
            registry.count("auth_logins", "outcome", outcome);
        }
    }

    public void registration() {
        if (registry != null) {
            registry.count("auth_registrations", null, null);
        }
    }

    public void tokenRejected(String reason) {
        if (registry != null) {
            registry.count("auth_token_rejections", "reason", reason);
        }
    }

    void onRejection(@Observes TokenRejected rejection) {
        tokenRejected(rejection.reason());
    }
}
