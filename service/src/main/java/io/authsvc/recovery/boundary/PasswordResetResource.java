package io.authsvc.recovery.boundary;

import io.authsvc.recovery.control.PasswordReset;
import io.authsvc.web.body.JsonBody;
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
 * {@code POST /auth/password-reset} {@code {"email"}}: always 202 with the same body, whether or not an account has
 * the address; {@code POST /auth/password-reset/confirm} {@code {"token", "new_password"}}: 204.
 */
@Path("password-reset")
public class PasswordResetResource {

    /** The one answer to every accepted request. */
    static final JsonObject ACCEPTED = Json.createObjectBuilder()
            .add("detail", "If an account has this address, a mail with a link to reset its password is on its way")
            .build();

    @Inject
    PasswordReset reset;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response request(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        reset.request(body.requiredText("email"), body.errors);
        return Response.accepted(ACCEPTED).build();
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirm(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        reset.confirm(body.requiredText("token"), body.requiredText("new_password"), body.errors);
        return Response.noContent().build();
    }
}
