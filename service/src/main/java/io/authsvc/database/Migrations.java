package io.authsvc.database;

import io.authsvc.startup.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * Brings the schema up to date at start-up (db/init.sql, then db/migration/V2__... in order), then has
 * Hibernate validate the mapping against it. A failure stops the deployment.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/auth")
    DataSource dataSource;

    @PersistenceUnit(unitName = "auth")
    EntityManagerFactory entityManagerFactory;

    @Inject
    @ConfigProperty(name = "DATABASE_MIGRATE", defaultValue = "true")
    boolean migrate;

    void onStart(@Observes @Priority(StartupOrder.SCHEMA) @Initialized(ApplicationScoped.class) Object event) {
        if (migrate) {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new InitialSchema())
                    // A schema applied by hand before Flyway ran: init.sql is idempotent, so run it over it.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                    + " migrations applied now)");
        } else {
            LOG.info("DATABASE_MIGRATE=false: the schema is expected to be applied by hand");
        }
        try {
            // Hibernate's own schema manager, not JPA 3.2's: the same call on Hibernate 7 (Payara, WildFly Preview)
            // and on the Hibernate 6.6 of WildFly 39 (Jakarta EE 10), where a JPA 3.2 type would drop this bean.
            entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        } catch (SchemaManagementException e) {
            throw new IllegalStateException("the database schema does not match the entities: " + e.getMessage(), e);
        }
    }
}
