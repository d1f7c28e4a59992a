package io.authsvc.users.boundary;

import io.authsvc.callers.control.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /auth/me}: the protected sample endpoint; shows how any resource gets its caller. */
@Path("me")
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public UserResponse me() {
        return UserResponse.from(currentUser.get());
    }
}
