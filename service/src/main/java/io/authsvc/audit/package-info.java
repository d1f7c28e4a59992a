/**
 * The security audit trail.
 * <ol>
 * <li>One JSON line per event (register, login ok/failed/throttled, password changed, role changed, deactivated,
 *     activated, deleted, logout-all, logout of one session,
 *     a session ended from the list, a spent refresh token presented again) on the {@code io.authsvc.audit} logger, and in {@code AUDIT_LOG_FILE} when set.</li>
 * <li>Each line names the event, the account, the acting admin when another, the client address, the request id
 *     and the time.</li>
 * <li>Never a password, a hash, a token, or the identifier a failed login typed.</li>
 * </ol>
 */
package io.authsvc.audit;
