/**
 * Signing: the access tokens the service issues (RS256 or HS256, SmallRye JWT), the keys and their rotation, and
 * opaque random tokens with their SHA-256.
 * <ol>
 * <li>Settings: {@code ACCESS_TOKEN_EXPIRE_MINUTES}, {@code JWT_PRIVATE_KEY}, {@code JWT_PRIVATE_KEY_LOCATION},
 *     {@code JWT_PREVIOUS_PUBLIC_KEYS_LOCATION}, and the realm's own ({@code JWT_ISSUER}, {@code JWT_AUDIENCE}, {@code JWT_PUBLIC_KEY_LOCATION}, ...).</li>
 * <li>No table and no endpoint: discovery and the JWK Set are served by oauth.</li>
 * </ol>
 */
package io.authsvc.tokens;
