/**
 * Login and registration throttling, counted in PostgreSQL so that every instance sees the same counts.
 * <ol>
 * <li>A login naming one account (its username and email count as one) or one unknown identifier gets 429 with
 *     {@code Retry-After} once {@code LOGIN_MAX_FAILURES} failures lie within {@code LOGIN_WINDOW_SECONDS}.</li>
 * <li>One client address gets {@code LOGIN_MAX_FAILURES_PER_ADDRESS} failures per window; good logins never
 *     count against it. IPv6 addresses count by their /64.</li>
 * <li>An attempt is counted before its password is checked and taken back when it succeeds; attempts on one key
 *     take turns, so parallel guesses cannot pass the check together. A refused attempt costs no bcrypt work.</li>
 * <li>A good login clears its account's count. The right password of a deactivated account counts nowhere.</li>
 * <li>Registrations count per address ({@code REGISTER_MAX_PER_ADDRESS}), each before its hash is made.</li>
 * <li>Password-reset requests count per address asked for and per client ({@code PASSWORD_RESET_MAX_PER_HOUR},
 *     {@code PASSWORD_RESET_MAX_PER_ADDRESS}); verification mails asked again count per account
 *     ({@code EMAIL_VERIFY_MAX_PER_HOUR}).</li>
 * <li>Rows that left the window are deleted by the statements that add rows: the table cannot grow without bound.</li>
 * </ol>
 */
package io.authsvc.throttling;
