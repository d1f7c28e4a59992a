package io.authsvc.sessions.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as its owner sees it: when it began and was last refreshed, when it ends unless refreshed again (the
 * earlier of its absolute and its idle end), and the client address and User-Agent of the login that began it.
 */
public record Session(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String clientAddress,
        String userAgent) {
}
