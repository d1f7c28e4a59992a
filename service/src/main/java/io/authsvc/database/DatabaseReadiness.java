package io.authsvc.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready} is DOWN (503) while PostgreSQL cannot be reached, and UP again once it is back. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    /**
     * Created at start-up, on a thread of the deployment: WildFly calls health checks on its management thread,
     * where java:app names cannot be looked up, so the data source must be injected before that.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(VALID_WITHIN_SECONDS)).build();
        } catch (SQLException | RuntimeException e) {
            // The reason goes to the operator's log through the pool; the probe only says DOWN.
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
