package io.authsvc.web.shutdown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} reports DOWN once SIGTERM has come, so that load balancers send no more calls. */
@ApplicationScoped
@Readiness
public class ShutdownReadiness implements HealthCheck {

    @Inject
    GracefulShutdown shutdown;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("shutdown").status(!shutdown.draining()).build();
    }
}
