package io.authsvc.oauth.boundary;

import io.authsvc.callers.control.LiveTokens;
import io.authsvc.oauth.control.TokenInspector;
import io.authsvc.problems.OAuthError;
import io.authsvc.sessions.control.Sessions;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/logout}, the revocation endpoint (RFC 7009): ends the session of the refresh token sent as
 * {@code refresh_token} or, as RFC 7009 names it, {@code token} (form or JSON); an access token of a session ends
 * that session too. {@code 200} whether or not the token was good, so that the answer tells nothing about it.
 */
@Path("logout")
public class RevocationResource {

    @Inject
    Sessions sessions;

    @Inject
    TokenInspector inspector;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeWithForm(MultivaluedMap<String, String> form) {
        String token = form.getFirst("refresh_token");
        return revoke(token != null ? token : form.getFirst("token"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response revokeWithJson(JsonValue json) {
        if (!(json instanceof JsonObject object)) {
            throw OAuthError.invalidRequest("the body must be a JSON object with refresh_token");
        }
        JsonValue token = object.containsKey("refresh_token") ? object.get("refresh_token") : object.get("token");
        return revoke(token instanceof JsonString text ? text.getString() : null);
    }

    private Response revoke(String token) {
        if (token == null || token.isEmpty()) {
            throw OAuthError.invalidRequest("refresh_token is required");
        }
        if (token.indexOf('.') >= 0) {
            inspector.verified(token).flatMap(LiveTokens::session).ifPresent(sessions::revokeSession);
        } else {
            sessions.revoke(token);
        }
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
