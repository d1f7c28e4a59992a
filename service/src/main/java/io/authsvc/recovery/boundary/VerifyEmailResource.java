package io.authsvc.recovery.boundary;

import io.authsvc.callers.control.CurrentUser;
import io.authsvc.recovery.control.EmailVerification;
import io.authsvc.web.body.JsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/verify-email} (any valid token): 202, a new verification mail unless the address is verified;
 * {@code POST /auth/verify-email/confirm} {@code {"token"}} (anyone): 204, the address is verified.
 */
@Path("verify-email")
public class VerifyEmailResource {

    static final JsonObject SENT = Json.createObjectBuilder()
            .add("detail", "A mail with a link to verify your address is on its way").build();
    static final JsonObject NOT_NEEDED = Json.createObjectBuilder()
            .add("detail", "Your address is verified already: no mail was sent").build();

    @Inject
    EmailVerification verification;

    @Inject
    CurrentUser caller;

    @POST
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend() {
        return Response.accepted(verification.resend(caller.get()) ? SENT : NOT_NEEDED).build();
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        String token = body.requiredText("token");
        body.errors.throwIfAny();
        verification.confirm(token);
        return Response.noContent().build();
    }
}
