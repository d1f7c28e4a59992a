/**
 * Bringing the old Python service's users over from MongoDB: {@code bin/import-users FILE}.
 * <ol>
 * <li>Reads a {@code mongoexport} of the {@code users} collection, a JSON array or one document per line, in
 *     Extended JSON v2, relaxed or canonical, streaming: a file of any size never sits in memory whole.</li>
 * <li>Copies each user's passlib bcrypt hash as it is, so the user logs in with the old password; no bcrypt work.</li>
 * <li>Takes {@code is_verified} (fastapi-users') or {@code email_verified} as the address's state, and counts an
 *     address verified when the document says nothing of it, as the accounts from before verification are.</li>
 * <li>Keeps the old {@code _id} in {@code users.legacy_id} (unique): a re-run adds nothing and counts each
 *     record it finds there as already imported.</li>
 * <li>A record that cannot become a working account (no valid email, no bcrypt hash, an email or username
 *     that another record or an existing user has, without regard to case) is skipped and reported with its
 *     {@code _id} and reason; nothing else is lost.</li>
 * <li>Writes in batches, one transaction each, so a crash leaves whole batches; {@code --dry-run} writes nothing.</li>
 * <li>Never prints a hash or a password. Runs outside the server, on plain JDBC and JSON-P.</li>
 * </ol>
 */
package io.authsvc.migration;
