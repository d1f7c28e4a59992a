package io.authsvc.users.boundary;

import io.authsvc.accounts.entity.Account;
import io.authsvc.accounts.entity.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code UserOut}: an account as clients see it; never the password hash. */
public record UserResponse(String id, String email, boolean emailVerified, String username, String fullName,
        boolean isActive, List<String> roles, String createdAt, String updatedAt, String lastLogin) {

    /** RFC 3339, UTC, always three fraction digits: 2026-11-27T12:00:00.123Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static UserResponse from(Account account) {
        return new UserResponse(account.id().toString(), account.email(), account.emailVerified(), account.username(),
                account.fullName(), account.active(), List.copyOf(account.roles()), format(account.createdAt()),
                format(account.updatedAt()), format(account.lastLogin()));
    }

    public static UserResponse from(User user) {
        return from(user.toAccount());
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
