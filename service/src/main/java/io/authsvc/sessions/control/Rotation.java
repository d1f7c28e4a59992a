package io.authsvc.sessions.control;

import java.util.Set;
import java.util.UUID;

/**
 * What became of a refresh token presented for rotation: {@link Outcome#ROTATED} with the account the new access
 * token is for; else why not, with the session and user (when known) that the audit trail names.
 */
public record Rotation(Outcome outcome, UUID sessionId, UUID userId, String username, int tokenVersion,
        Set<String> roles) {

    public enum Outcome {
        /** The token was good and is now spent; the new one is stored. */
        ROTATED,
        /** Good once, but its session has ended since (expired, idle, user deactivated or signed out): now deleted. */
        ENDED,
        /** Spent before: its whole session is ended now. */
        REUSED,
        /** No token of ours. */
        UNKNOWN
    }

    static Rotation refused(Outcome outcome, UUID sessionId, UUID userId) {
        return new Rotation(outcome, sessionId, userId, null, 0, Set.of());
    }
}
