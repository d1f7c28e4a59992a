/**
 * The account use cases of the API: registration, reading and changing one's own account or, for an admin, any
 * account, deletion, signing an account out everywhere, and the bootstrap admin.
 * <ol>
 * <li>Endpoints: {@code POST /auth/register}, {@code GET /auth/me}, {@code GET|POST /auth/} (the list, an admin's
 *     new account), {@code GET|PUT|DELETE /auth/{user_id}}, {@code POST /auth/{user_id}/logout-all},
 *     {@code GET /auth/stats}.</li>
 * <li>Writes through {@code accounts.control.AccountStore}; passwords are checked and hashed by credentials; the
 *     verification mail and the notices of a change come from recovery. It knows nothing of sessions or tokens.</li>
 * <li>Settings: {@code BOOTSTRAP_ADMIN_EMAIL}, {@code BOOTSTRAP_ADMIN_USERNAME}, {@code BOOTSTRAP_ADMIN_PASSWORD}.</li>
 * </ol>
 */
package io.authsvc.users;
