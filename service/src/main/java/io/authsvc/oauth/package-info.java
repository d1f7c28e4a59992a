/**
 * The OAuth 2.0 face of the service: the token endpoint and what a client needs around it.
 * <ol>
 * <li>Endpoints: {@code POST /auth/login} (the password grant, and the refresh grant of RFC 6749 §6),
 *     {@code POST /auth/logout} (revocation of a refresh token, RFC 7009), {@code POST /auth/logout-all},
 *     {@code POST /auth/introspect} (RFC 7662), {@code GET /auth/.well-known/openid-configuration},
 *     {@code GET /auth/.well-known/oauth-authorization-server} and {@code GET /auth/.well-known/jwks.json}.</li>
 * <li>It owns no table: a login is credentials' ({@code credentials.control.Authenticator}), a session is
 *     sessions', a token's signature is tokens'. It is the top of the house: nothing depends on it.</li>
 * <li>The OpenID Provider's clients, codes and sign-in sessions are to come here.</li>
 * </ol>
 */
package io.authsvc.oauth;
