package io.authsvc.users.boundary;

import io.authsvc.problems.InvalidInput;
import io.authsvc.tokens.TokenIssuer;
import io.authsvc.users.control.AuthMetrics;
import io.authsvc.users.control.Authenticator;
import io.authsvc.users.entity.User;
import io.authsvc.web.ClientRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/login}: the OAuth2 password form ({@code grant_type}, {@code scope}, {@code client_id} and
 * {@code client_secret} are accepted and ignored) or the same as JSON. Answers a bearer token.
 */
@Path("login")
public class LoginResource {

    @Inject
    Authenticator authenticator;

    @Inject
    TokenIssuer tokens;

    @Inject
    ClientRequest client;

    @Inject
    AuthMetrics metrics;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response loginWithForm(MultivaluedMap<String, String> form) {
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
        String username = body.requiredText("username");
        String password = body.requiredText("password");
        body.errors.throwIfAny();
        return login(username, password);
    }

    private Response login(String username, String password) {
        User user;
        try {
            user = authenticator.authenticate(username, password, client.address());
        } catch (WebApplicationException refused) {
            metrics.login(switch (refused.getResponse().getStatus()) {
                case 401 -> AuthMetrics.LOGIN_FAILED;
                case 403 -> AuthMetrics.LOGIN_DEACTIVATED;
                case 429 -> AuthMetrics.LOGIN_THROTTLED;
                default -> "other";
            });
            throw refused;
        }
        metrics.login(AuthMetrics.LOGIN_OK);
        return Response.ok(tokens.issue(user.getId(), user.getUsername(), user.getRoles(), user.getTokenVersion()))
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
