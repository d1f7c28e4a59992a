package io.authsvc.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The driver's data source, set up from {@code DATABASE_URL} when the container's pool creates it,
 * so the password lives only in the environment, never in a file or the server's configuration.
 */
public class EnvironmentDataSource extends PGSimpleDataSource {

    public EnvironmentDataSource() {
        String value = ConfigProvider.getConfig(EnvironmentDataSource.class.getClassLoader())
                .getOptionalValue("DATABASE_URL", String.class)
                .orElseThrow(() -> new IllegalStateException("DATABASE_URL is not set"));
        DatabaseUrl url = DatabaseUrl.parse(value);
        setUrl(url.jdbcUrl());
        if (url.user() != null) {
            setUser(url.user());
        }
        if (url.password() != null) {
            setPassword(url.password());
        }
    }

    /**
     * WildFly's pool (IronJacamar) always calls this form, with the pool's own user and password: null, since
     * web.xml names none. The driver would then log in as the operating system's user; use DATABASE_URL's instead.
     */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (user == null && password == null) {
            return super.getConnection(getUser(), getPassword());
        }
        return super.getConnection(user, password);
    }
}
