package io.authsvc.oauth.boundary;

import io.authsvc.security.RealmSettings;
import io.authsvc.web.PublicUrl;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /auth/.well-known/openid-configuration} and {@code .../oauth-authorization-server} (RFC 8414, OpenID
 * Connect Discovery 1.0), for anyone: where the token, revocation, introspection and key endpoints are and what
 * they support. Endpoints are absolute URLs under {@code PUBLIC_URL}, else under {@code JWT_ISSUER} when that is a
 * URL (as discovery-based clients need it to be), else under the address and port the connection came to (never
 * the request's {@code Host}).
 */
@Path(".well-known")
public class DiscoveryResource {

    @Inject
    RealmSettings settings;

    @Inject
    PublicUrl publicUrl;

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openIdConfiguration() {
        return answer();
    }

    @GET
    @Path("oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorizationServer() {
        return answer();
    }

    private Response answer() {
        String base = base();
        String algorithm = settings.isRs256() ? "RS256" : "HS256";
        JsonObject metadata = Json.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("token_endpoint", base + "login")
                .add("jwks_uri", base + ".well-known/jwks.json")
                .add("revocation_endpoint", base + "logout")
                .add("introspection_endpoint", base + "introspect")
                .add("grant_types_supported", strings("password", "refresh_token"))
                .add("token_endpoint_auth_methods_supported", strings("none"))
                .add("revocation_endpoint_auth_methods_supported", strings("none"))
                // No authorization endpoint: clients use the token endpoint's grants only. OpenID Connect
                // Discovery requires these members all the same; "none" says no response type is offered.
                .add("response_types_supported", strings("none"))
                .add("subject_types_supported", strings("public"))
                .add("id_token_signing_alg_values_supported", strings(algorithm))
                .add("scopes_supported", strings("openid"))
                .add("claims_supported", strings("iss", "sub", "upn", "groups", "iat", "exp", "jti", "sid", "ver", "aud"))
                .add("service_documentation", base + "docs")
                .build();
        CacheControl cache = new CacheControl();
        cache.setMaxAge(JwksResource.MAX_AGE_SECONDS);
        return Response.ok(metadata).cacheControl(cache).build();
    }

    /** The public URL of /auth/, ending in a slash. */
    private String base() {
        String issuer = settings.issuer();
        boolean issuerIsUrl = issuer.startsWith("https://") || issuer.startsWith("http://");
        if (issuerIsUrl && !publicUrl.isConfigured()) {
            return issuer.endsWith("/") ? issuer : issuer + "/";
        }
        return publicUrl.absoluteBase();
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
