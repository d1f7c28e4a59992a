package io.authsvc.accounts.control;

import java.time.Instant;
import java.util.UUID;

/** The list's filters and page: either {@code skip} or the keyset {@code after} cursor. */
public record UserQuery(int skip, int limit, Cursor after, Boolean active, String text) {

    /** The last row of a page: the next page starts strictly after it in (created_at DESC, id DESC). */
    public record Cursor(Instant createdAt, UUID id) {
    }
}
