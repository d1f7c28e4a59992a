package io.authsvc.oauth.boundary;

import io.authsvc.problems.ProblemException;
import io.authsvc.tokens.SigningKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /auth/.well-known/jwks.json}: the public keys of RS256 tokens, for anyone; 404 under HS256. */
@Path(".well-known/jwks.json")
public class JwksResource {

    /** Verifiers may keep the document this long; a new key is announced ahead by listing it as a previous key. */
    static final int MAX_AGE_SECONDS = 300;

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        String jwks = keys.jwks().orElseThrow(() -> new ProblemException(404,
                "No JWK Set: this service signs with HS256, whose key is secret (set ALGORITHM=RS256 to share tokens)"));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(jwks).cacheControl(cache).build();
    }
}
