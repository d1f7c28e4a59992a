package io.authsvc;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application at the WAR's root; the roles must be declared here or every caller gets 403. */
@ApplicationPath("/")
@DeclareRoles({"user", "admin", "introspect"})
public class AuthApplication extends Application {
}
