/**
 * The bearer-token realm: verifies this service's JWTs so that {@code @RolesAllowed} works.
 * <ol>
 * <li>Depends on nothing else in the WAR (Jakarta Security, MicroProfile Config and SmallRye JWT only),
 *     so that other WARs can use it as a jar.</li>
 * <li>A request without a bearer token stays anonymous; a protected resource then answers 401 with
 *     {@code WWW-Authenticate: Bearer} and a problem body.</li>
 * <li>A bad token is never an error on an open endpoint: the call goes on as anonymous.</li>
 * <li>The algorithm is pinned to the configured one; {@code exp}, {@code iat} and {@code iss} are required,
 *     {@code aud} is checked when configured, clock skew is at most 60 s (for {@code exp}, and for an {@code iat}
 *     in the future), a token over 8 KB is not parsed.</li>
 * <li>An identity store that fails (rather than refuses) makes the call 503, never 401.</li>
 * </ol>
 */
package io.authsvc.security;
