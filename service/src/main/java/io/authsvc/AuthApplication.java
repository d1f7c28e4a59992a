package io.authsvc;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The JAX-RS application at the WAR's root; the roles must be declared here or every caller gets 403. */
@ApplicationPath("/")
@DeclareRoles({"user", "admin", "introspect"})
public class AuthApplication extends Application {

    /**
     * Jersey's (Payara's) own settings; RESTEasy ignores them. No WADL: it named the server's version to anyone and
     * listed every resource (OPTIONS answers Allow, as RESTEasy does). A Location header stays as the service wrote
     * it: Jersey otherwise resolves a relative one against the request's Host.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
