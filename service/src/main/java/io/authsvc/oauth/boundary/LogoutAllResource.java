package io.authsvc.oauth.boundary;

import io.authsvc.callers.control.CurrentUser;
import io.authsvc.users.control.SignOut;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/logout-all}: the caller signs out everywhere. Every token it holds, the one of this call
 * included, stops working at once (its token version moves on); a new login gives a working token again.
 */
@Path("logout-all")
public class LogoutAllResource {

    @Inject
    CurrentUser caller;

    @Inject
    SignOut signOut;

    @POST
    @RolesAllowed("user")
    public Response logoutAll() {
        signOut.everywhere(caller.get().id(), caller.get());
        return Response.noContent().build();
    }
}
