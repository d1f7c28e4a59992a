package io.authsvc.users.boundary;

import io.authsvc.users.entity.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code UserOut}: an account as clients see it; never the password hash. */
public record UserResponse(String id, String email, String username, String fullName, boolean isActive,
        List<String> roles, String createdAt, String updatedAt, String lastLogin) {

    /** RFC 3339, UTC, always three fraction digits: 2026-11-27T12:00:00.123Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static UserResponse from(User user) {
        return new UserResponse(user.getId().toString(), user.getEmail(), user.getUsername(), user.getFullName(),
                user.isActive(), List.copyOf(user.getRoles()), format(user.getCreatedAt()),
                format(user.getUpdatedAt()), format(user.getLastLogin()));
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
