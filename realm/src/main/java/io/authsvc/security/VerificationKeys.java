package io.authsvc.security;

import java.util.Optional;

/**
 * The public keys an RS256 verifier trusts, as a JWK Set document, for a WAR that holds them itself (the auth
 * service: its own key and the previous ones). Without such a bean the realm reads {@code JWT_PUBLIC_KEY_LOCATION}.
 */
public interface VerificationKeys {

    /** The JWK Set JSON, or empty when this WAR has no keys of its own to offer. */
    Optional<String> jwks();
}
