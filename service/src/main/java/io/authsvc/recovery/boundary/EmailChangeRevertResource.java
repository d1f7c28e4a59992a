package io.authsvc.recovery.boundary;

import io.authsvc.recovery.control.EmailRevert;
import io.authsvc.web.body.JsonBody;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/email-change/revert} {@code {"token"}} (anyone): 204, the address from before the change is
 * back, verified, and every session of the account has ended; 400, one body, for any token that is not live.
 */
@Path("email-change")
public class EmailChangeRevertResource {

    @Inject
    EmailRevert revert;

    @POST
    @Path("revert")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revert(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        String token = body.requiredText("token");
        body.errors.throwIfAny();
        revert.revert(token);
        return Response.noContent().build();
    }
}
