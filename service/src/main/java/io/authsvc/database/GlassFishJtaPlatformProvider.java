package io.authsvc.database;

import org.hibernate.engine.transaction.jta.platform.internal.GlassFishJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformProvider;

/**
 * Hibernate finds no JTA platform on Payara by itself, and persistence.xml cannot name GlassFish's, since WildFly
 * has none of its JNDI names. Hibernate asks this provider only when no platform is set: on Payara; WildFly sets its own.
 * On a server that is not GlassFish-based it provides none, and Hibernate goes on resolving.
 */
public class GlassFishJtaPlatformProvider implements JtaPlatformProvider {

    @Override
    public JtaPlatform getProvidedJtaPlatform() {
        try {
            Class.forName("com.sun.enterprise.transaction.api.JavaEETransactionManager", false,
                    GlassFishJtaPlatformProvider.class.getClassLoader());
            return new GlassFishJtaPlatform();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
