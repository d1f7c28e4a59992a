package io.authsvc.users.control;

import io.authsvc.security.TokenRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The service's own figures in the server's {@code /metrics} (Prometheus text, {@code mp_scope="application"}):
 * {@code auth_logins_total{outcome}}, {@code auth_registrations_total}, {@code auth_token_rejections_total{reason}}.
 */
@ApplicationScoped
public class AuthMetrics {

    public static final String LOGIN_OK = "ok";
    public static final String LOGIN_FAILED = "failed";
    public static final String LOGIN_DEACTIVATED = "deactivated";
    public static final String LOGIN_THROTTLED = "throttled";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

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
