package io.authsvc.oauth.boundary;

import io.authsvc.accounts.entity.User;
import io.authsvc.audit.Origin;
import io.authsvc.credentials.boundary.LoginRefusals;
import io.authsvc.credentials.control.Authenticator;
import io.authsvc.credentials.control.LoginOutcome;
import io.authsvc.problems.InvalidInput;
import io.authsvc.problems.OAuthError;
import io.authsvc.sessions.control.Sessions;
import io.authsvc.tokens.Token;
import io.authsvc.web.ClientRequest;
import io.authsvc.web.body.JsonBody;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/login}, the token endpoint: the OAuth2 password form ({@code scope}, {@code client_id} and
 * {@code client_secret} are accepted and ignored, and so is any {@code grant_type} but {@code refresh_token}), or
 * the refresh grant ({@code grant_type=refresh_token&refresh_token=...}, RFC 6749 §6); form or the same as JSON.
 * Answers a bearer token and the session's refresh token.
 */
@Path("login")
public class TokenResource {

    static final String REFRESH_GRANT = "refresh_token";

    @Inject
    Authenticator authenticator;

    @Inject
    ClientRequest client;

    @Inject
    Sessions sessions;

    @HeaderParam("User-Agent")
    String userAgent;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginWithForm(MultivaluedMap<String, String> form) {
        if (REFRESH_GRANT.equals(form.getFirst("grant_type"))) {
            return refresh(form.getFirst("refresh_token"));
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String username = required(form.getFirst("username"), "username", errors);
        String password = required(form.getFirst("password"), "password", errors);
        errors.throwIfAny();
        return login(username, password);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginWithJson(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        JsonObject object = json.asJsonObject();
        if (object.get("grant_type") instanceof JsonString grant && REFRESH_GRANT.equals(grant.getString())) {
            return refresh(object.get("refresh_token") instanceof JsonString token ? token.getString() : null);
        }
        String username = body.requiredText("username");
        String password = body.requiredText("password");
        body.errors.throwIfAny();
        return login(username, password);
    }

    private Response login(String username, String password) {
        return switch (authenticator.authenticate(username, password, Origin.of(client))) {
            case LoginOutcome.Granted granted -> {
                User user = granted.user();
                yield answer(sessions.start(user.getId(), user.getUsername(), user.getRoles(), user.getTokenVersion(),
                        client.address(), userAgent));
            }
            case LoginOutcome.Refused refused -> throw LoginRefusals.problem(refused);
        };
    }

    /** No password, no bcrypt, no throttle: a refresh token is 256 random bits, and an unknown one costs the least. */
    private Response refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw OAuthError.invalidRequest("refresh_token is required (a string)");
        }
        return answer(sessions.refresh(refreshToken));
    }

    /** Written with JSON-P, in the order JSON-B wrote it before, without JSON-B's per-call work (as UserOut is). */
    private static Response answer(Token token) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("access_token", token.accessToken())
                .add("expires_in", token.expiresIn());
        if (token.refreshToken() != null) {
            body.add("refresh_token", token.refreshToken());
        }
        body.add("token_type", token.tokenType());
        return Response.ok(body.build())
                // RFC 6749 5.1: a token response is never cached.
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private static String required(String value, String field, InvalidInput.Collector errors) {
        if (value == null || value.isEmpty()) {
            errors.add(field, "is required");
        }
        return value;
    }
}
