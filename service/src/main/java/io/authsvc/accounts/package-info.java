/**
 * Accounts as they are stored: the one place that writes them, and the reads every request makes.
 * <ol>
 * <li>Tables: {@code users}, {@code user_roles}, and {@code user_counts} (kept by triggers, V4__user_counts.sql).
 *     {@code control.AccountStore} is their one writer in the service: every change locks the account's row first
 *     ({@code FOR NO KEY UPDATE}) and announces {@code control.AccountChanged}, which the account cache observes.
 *     The importer ({@code importer/}) writes {@code users} and {@code user_roles} with its own SQL, outside any
 *     running service; the same trigger (V6__account_changes.sql) notifies every running instance of those writes.</li>
 * <li>Reads: {@code control.AccountReader} (one statement per account, the list's pages, the counts), in plain SQL.</li>
 * <li>Offers to others: {@code control.AddressReservations} is implemented by recovery (an old address kept for its
 *     owner while its revert link is live). The entity classes live in the {@code accounts} module, shared with the
 *     importer.</li>
 * <li>No endpoint and no setting of its own; it depends on no other feature.</li>
 * </ol>
 */
package io.authsvc.accounts;
