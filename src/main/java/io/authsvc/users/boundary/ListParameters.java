package io.authsvc.users.boundary;

import io.authsvc.problems.InvalidInput;
import io.authsvc.users.control.UserQuery;
import io.authsvc.users.entity.AccountRules;
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
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)),
                    Long.parseLong(text.substring(dot + 1, slash)));
            UUID id = UUID.fromString(text.substring(slash + 1));
            return new UserQuery.Cursor(createdAt, id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
