/**
 * Passwords: signing in with one, the rules a new one must meet, and the hashing that stores it.
 * <ol>
 * <li>{@code control.Authenticator} checks a login outside any transaction and answers a sealed
 *     {@code control.LoginOutcome} (granted, bad credentials, deactivated, unverified, throttled), which
 *     {@code control.LoginJournal} records once (audit, {@code auth_logins_total}, throttle) and
 *     {@code boundary.LoginRefusals} maps to HTTP once; it also checks a user's {@code current_password}.</li>
 * <li>{@code control.PasswordHasher} runs bcrypt or Argon2id (password4j) on its own small pool, admits or refuses
 *     work by the expected wait, and rehashes old hashes at login; {@code control.PasswordPolicy} and
 *     {@code control.CommonPasswords} are the rules for a new password.</li>
 * <li>Writes {@code users} only through {@code accounts.control.AccountStore} (the login's record, a rehash).
 *     Whether an address must be verified, and the reminder, come from recovery through
 *     {@code control.AddressGate}.</li>
 * <li>Settings: {@code PASSWORD_HASH}, {@code BCRYPT_COST}, {@code ARGON2_MEMORY_KIB}, {@code ARGON2_ITERATIONS},
 *     {@code ARGON2_PARALLELISM}, {@code HASH_POOL_SIZE}, {@code HASH_QUEUE_MAX_WAIT_MS},
 *     {@code PASSWORD_MIN_LENGTH}.</li>
 * <li>No endpoint of its own: the token endpoint (oauth) and the account changes (users) call it.</li>
 * </ol>
 */
package io.authsvc.credentials;
