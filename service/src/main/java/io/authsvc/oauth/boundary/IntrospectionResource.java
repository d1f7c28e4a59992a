package io.authsvc.oauth.boundary;

import io.authsvc.accounts.entity.Account;
import io.authsvc.callers.control.LiveTokens;
import io.authsvc.oauth.control.TokenInspector;
import io.authsvc.problems.OAuthError;
import io.authsvc.security.TokenPrincipal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /auth/introspect} (RFC 7662), for resource servers that want a revocation to count at once: an
 * access token this service would accept now is {@code active}, with its subject, session, current roles and
 * times; anything else (ended session, revoked, expired, foreign, a refresh token) is only {@code active: false}.
 */
@Path("introspect")
public class IntrospectionResource {

    @Inject
    TokenInspector inspector;

    @POST
    @RolesAllowed({"admin", "introspect"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form) {
        // The form as a map goes through the WAR's strict reader (FormReader); @FormParam would not on every server.
        String token = form.getFirst("token");
        if (token == null || token.isEmpty()) {
            throw OAuthError.invalidRequest("token is required");
        }
        JsonObject answer = inspector.inspect(token).map(found -> active(found.token(), found.account()))
                .orElseGet(() -> Json.createObjectBuilder().add("active", false).build());
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    private static JsonObject active(TokenPrincipal token, Account account) {
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("active", true)
                .add("token_type", "Bearer")
                .add("sub", account.id().toString())
                .add("username", account.username());
        LiveTokens.session(token).ifPresentOrElse(sid -> answer.add("sid", sid.toString()), () -> answer.addNull("sid"));
        return answer.add("roles", Json.createArrayBuilder(account.roles()))
                .add("exp", number(token.claim("exp")))
                .add("iat", number(token.claim("iat")))
                .add("iss", String.valueOf(text(token.claim("iss"))))
                .build();
    }

    private static long number(Object claim) {
        return claim instanceof jakarta.json.JsonNumber number ? number.longValue()
                : claim instanceof Number number ? number.longValue() : 0;
    }

    private static Object text(Object claim) {
        return claim instanceof jakarta.json.JsonString string ? string.getString() : claim;
    }
}
