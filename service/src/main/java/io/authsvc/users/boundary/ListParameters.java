package io.authsvc.users.boundary;

import io.authsvc.accounts.control.UserQuery;
import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.problems.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The list's query parameters, taken as text and parsed in one place, so a bad one is a 422 and not a 404. */
final class ListParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private ListParameters() {
    }

    static UserQuery parse(String skip, String limit, String after, String isActive, String q) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        int skipValue = integer("skip", skip, 0, 0, Integer.MAX_VALUE, errors);
        int limitValue = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        Boolean active = null;
        if (isActive != null) {
            switch (isActive) {
                case "true" -> active = true;
                case "false" -> active = false;
                default -> errors.add("is_active", "must be true or false");
            }
        }
        UserQuery.Cursor cursor = null;
        if (after != null) {
            cursor = decode(after);
            if (cursor == null) {
                errors.add("after", "is not a cursor this service gave out");
            } else if (skip != null && skipValue != 0) {
                errors.add("skip", "cannot be combined with after");
            }
        }
        if (q != null && q.length() > 200) {
            errors.add("q", "must be at most 200 characters");
        } else if (q != null && !AccountRules.isStorableText(q)) {
            errors.add("q", "must be Unicode text without NUL characters");
        }
        errors.throwIfAny();
        return new UserQuery(skipValue, limitValue, cursor, active, q);
    }

    private static int integer(String name, String text, int fallback, int min, int max,
            InvalidInput.Collector errors) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                errors.add(name, max == Integer.MAX_VALUE
                        ? "must be at least " + min : "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(name, "must be a whole number");
            return fallback;
        }
    }

    /** The years a cursor's time may name: every account's created_at is within them, and PostgreSQL holds them. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Opaque to clients: base64url of "seconds.nanos/uuid" of the page's last row. */
    static String encode(UserQuery.Cursor cursor) {
        String text = cursor.createdAt().getEpochSecond() + "." + cursor.createdAt().getNano() + "/" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static UserQuery.Cursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int dot = text.indexOf('.');
            int slash = text.indexOf('/');
            if (dot < 0 || slash < dot) {
                return null;
            }
            long nanos = Long.parseLong(text.substring(dot + 1, slash));
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)), nanos);
            UUID id = UUID.fromString(text.substring(slash + 1));
            UserQuery.Cursor decoded = new UserQuery.Cursor(createdAt, id);
            // Only what encode() gives out: a time PostgreSQL can hold (one past it was a 500), in the one spelling.
            if (nanos < 0 || nanos > 999_999_999 || createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)
                    || !encode(decoded).equals(cursor)) {
                return null;
            }
            return decoded;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
