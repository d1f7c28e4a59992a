package io.authsvc.sessions.boundary;

import io.authsvc.sessions.entity.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One session as its owner sees it in {@code GET /auth/me/sessions}; {@code current} marks the caller's own. */
public record SessionResponse(String id, String createdAt, String lastUsedAt, String expiresAt, String clientAddress,
        String userAgent, boolean current) {

    /** RFC 3339, UTC, always three fraction digits, as in UserOut. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static SessionResponse from(Session session, UUID current) {
        return new SessionResponse(session.id().toString(), format(session.createdAt()), format(session.lastUsedAt()),
                format(session.expiresAt()), session.clientAddress(), session.userAgent(),
                session.id().equals(current));
    }

    private static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
