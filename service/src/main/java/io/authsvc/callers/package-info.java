/**
 * Who calls: the check of a bearer token against its account and session, and the account cache that spares it
 * the database.
 * <ol>
 * <li>{@code control.AccountCheck} decorates the realm's identity store: a token that the realm verified must still
 *     name an active account of its token version and a live session ({@code control.LiveTokens}); the account
 *     becomes the request's {@code control.CurrentUser}.</li>
 * <li>{@code cache.AccountCache} keeps accounts and their live sessions in memory; {@code cache.ChangeListener}
 *     hears the database's notifications (V6__account_changes.sql) and drops what changed on every instance, and the
 *     cache observes this instance's own {@code accounts.control.AccountChanged}. Nothing else invalidates it.</li>
 * <li>Reads {@code users}, {@code user_roles} and {@code sessions} (through {@code accounts.control.AccountReader});
 *     writes nothing.</li>
 * <li>Settings: {@code ACCOUNT_CACHE_SIZE}, {@code DATABASE_LISTEN_URL} (else {@code DATABASE_URL}).</li>
 * <li>Metrics: {@code auth_account_cache_*} ({@code cache.CacheFigures}).</li>
 * </ol>
 */
package io.authsvc.callers;
