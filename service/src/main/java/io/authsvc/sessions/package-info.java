/**
 * Sessions: one per login, carried by a rotating refresh token, listed and ended by their owner.
 * <ol>
 * <li>Endpoints: {@code GET /auth/me/sessions}, {@code DELETE /auth/me/sessions/{id}}; the token endpoint (oauth)
 *     starts, rotates and ends sessions through {@code control.Sessions}.</li>
 * <li>Tables: {@code sessions} and {@code refresh_tokens}, in plain SQL ({@code control.SessionStore}), each use case
 *     one statement; a rotation reads {@code users} and {@code user_roles} in the same statement (is the account
 *     still active, of the session's token version) and writes neither. Each ended session is announced
 *     ({@code accounts.control.AccountChanged}) to the account cache.</li>
 * <li>Settings: {@code REFRESH_TOKEN_EXPIRE_DAYS}, {@code REFRESH_TOKEN_IDLE_DAYS}, {@code REQUIRE_VERIFIED_EMAIL}.</li>
 * </ol>
 */
package io.authsvc.sessions;
