package io.authsvc.users.boundary;

import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.users.control.CurrentUser;
import io.authsvc.users.control.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code POST /auth/logout-all}: the caller signs out everywhere. Every token it holds, the one of this call
 * included, stops working at once (its token version moves on); a new login gives a working token again.
 */
@Path("logout-all")
public class LogoutResource {

    @Inject
    CurrentUser caller;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @POST
    @RolesAllowed("user")
    public Response logoutAll() {
        UUID id = caller.get().id();
        users.revokeTokens(id);
        audit.record(AuditEvent.LOGOUT_ALL, id);
        return Response.noContent().build();
    }
}
