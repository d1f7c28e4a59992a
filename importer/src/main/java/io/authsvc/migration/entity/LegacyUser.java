package io.authsvc.migration.entity;

import java.time.Instant;
import java.util.Locale;

/** A user of the old service, ready to be written: email normalized, hash checked, defaults filled in. */
public record LegacyUser(int record, String legacyId, String email, String username, String fullName, boolean active,
                         boolean emailVerified, String passwordHash, Instant createdAt, Instant updatedAt, Instant lastLogin,
                         boolean admin) implements Mapped {

    /** The key the service's unique index compares usernames by (emails are stored lower-cased already). */
    public String usernameKey() {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Records print in logs and test failures: the hash stays out of them. */
    @Override
    public String toString() {
        return "LegacyUser[record=" + record + ", legacyId=" + legacyId + ", email=" + email + ", username=" + username
                + ", active=" + active + ", admin=" + admin + ", passwordHash=***]";
    }
}
