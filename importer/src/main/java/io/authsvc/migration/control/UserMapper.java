package io.authsvc.migration.control;

import io.authsvc.accounts.entity.AccountRules;
import io.authsvc.migration.entity.LegacyUser;
import io.authsvc.migration.entity.Mapped;
import io.authsvc.migration.entity.Reason;
import io.authsvc.migration.entity.Skipped;
import io.authsvc.problems.InvalidInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one document of the old {@code users} collection into a user to write, or into a skip with its reason.
 * Checks only what one document can tell; duplicates across records and against the database are
 * {@link UserImport}'s job. Messages describe values, never repeat them: a {@code password} field may hold one.
 */
public class UserMapper {

    /** The fields the old service kept its passlib hash in, in the order they are looked at. */
    public static final List<String> HASH_FIELDS = List.of("hashed_password", "password_hash", "password");
    /** A bcrypt hash as passlib, bcrypt and htpasswd write it, with a cost the service can verify (4 to 31). */
    static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    /** Old usernames are kept as they are, but a longer one could not be indexed, and no person types it. */
    static final int USERNAME_MAX = 255;
    static final int ID_MAX = 255;

    private final Supplier<Instant> clock;

    public UserMapper(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public UserMapper() {
        this(Instant::now);
    }

    public Mapped map(int record, JsonValue value) {
        if (!(value instanceof JsonObject doc)) {
            return new Skipped(record, null, Reason.NOT_A_DOCUMENT, ExtendedJson.describe(value));
        }
        String id;
        try {
            id = ExtendedJson.id(doc.get("_id")).orElse(null);
        } catch (IllegalArgumentException e) {
            return new Skipped(record, null, Reason.INVALID_ID, e.getMessage());
        }
        if (id == null || id.length() > ID_MAX) {
            return new Skipped(record, null, Reason.INVALID_ID,
                    id == null ? "missing" : "longer than " + ID_MAX + " characters");
        }
        try {
            String email = email(doc);
            String username = username(doc);
            String hash = hash(doc);
            Instant createdAt = field(doc, "created_at", ExtendedJson::date)
                    .or(() -> ExtendedJson.objectIdTime(doc.get("_id")))
                    .orElseGet(clock)
                    .truncatedTo(ChronoUnit.MILLIS);
            return new LegacyUser(record, id, email, username,
                    field(doc, "full_name", ExtendedJson::text).orElse(null),
                    field(doc, "is_active", ExtendedJson::bool).orElse(true),
                    // fastapi-users' name, or the service's; an address the old service never asked about counts
                    // as verified, as do the accounts that exist when V8 runs (docs/mail.md, "Email verification")
                    field(doc, "is_verified", ExtendedJson::bool)
                            .or(() -> field(doc, "email_verified", ExtendedJson::bool)).orElse(true),
                    hash,
                    createdAt,
                    field(doc, "updated_at", ExtendedJson::date).map(UserMapper::millis).orElse(createdAt),
                    field(doc, "last_login", ExtendedJson::date).map(UserMapper::millis).orElse(null),
                    admin(doc));
        } catch (Refused refused) {
            return new Skipped(record, id, refused.reason, refused.getMessage());
        }
    }

    private static String email(JsonObject doc) {
        String email = AccountRules.normalizeEmail(
                read(doc.get("email"), "email", ExtendedJson::text, Reason.INVALID_EMAIL)
                        .orElseThrow(() -> new Refused(Reason.INVALID_EMAIL, "missing")));
        InvalidInput.Collector errors = new InvalidInput.Collector();
        AccountRules.checkEmail("email", email, errors);
        if (errors.has("email")) {
            throw new Refused(Reason.INVALID_EMAIL, email.isEmpty() ? "blank" : "not a valid address");
        }
        return email;
    }

    /**
     * Kept as it was, even against today's pattern: its owner logged in with it yesterday. Only the surrounding
     * white space goes, since the login strips what it is given and could never match it.
     */
    private static String username(JsonObject doc) {
        String username = read(doc.get("username"), "username", ExtendedJson::text, Reason.INVALID_USERNAME)
                .orElseThrow(() -> new Refused(Reason.INVALID_USERNAME, "missing")).strip();
        if (username.isEmpty()) {
            throw new Refused(Reason.INVALID_USERNAME, "blank");
        }
        if (username.length() > USERNAME_MAX) {
            throw new Refused(Reason.INVALID_USERNAME, "longer than " + USERNAME_MAX + " characters");
        }
        return username;
    }

    private static String hash(JsonObject doc) {
        List<String> present = new ArrayList<>();
        for (String field : HASH_FIELDS) {
            JsonValue value = doc.get(field);
            if (value instanceof JsonString text && isBcrypt(text.getString())) {
                return text.getString();
            }
            if (!ExtendedJson.isNull(value)) {
                present.add(field);
            }
        }
        throw new Refused(Reason.NO_BCRYPT_HASH, present.isEmpty()
                ? "none of " + String.join(", ", HASH_FIELDS) + " is present"
                : String.join(", ", present) + (present.size() == 1 ? " holds" : " hold") + " no bcrypt hash");
    }

    public static boolean isBcrypt(String hash) {
        Matcher matcher = BCRYPT.matcher(hash);
        if (!matcher.matches()) {
            return false;
        }
        int cost = Integer.parseInt(matcher.group(1));
        return cost >= 4 && cost <= 31;
    }

    /** The document names an admin in any of the ways the old service's documents did. */
    private static boolean admin(JsonObject doc) {
        boolean admin = field(doc, "is_superuser", ExtendedJson::bool).orElse(false)
                | field(doc, "is_admin", ExtendedJson::bool).orElse(false)
                | field(doc, "role", ExtendedJson::text).map(UserMapper::isAdminRole).orElse(false);
        JsonValue roles = doc.get("roles");
        if (ExtendedJson.isNull(roles)) {
            return admin;
        }
        if (!(roles instanceof JsonArray array)) {
            throw new Refused(Reason.UNREADABLE_FIELD, "roles: " + ExtendedJson.describe(roles) + ", not an array");
        }
        for (JsonValue role : array) {
            admin |= isAdminRole(read(role, "roles", ExtendedJson::text, Reason.UNREADABLE_FIELD).orElse(""));
        }
        return admin;
    }

    private static boolean isAdminRole(String role) {
        return role.strip().toLowerCase(Locale.ROOT).equals("admin");
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static <T> Optional<T> field(JsonObject doc, String name, Function<JsonValue, Optional<T>> reader) {
        return read(doc.get(name), name, reader, Reason.UNREADABLE_FIELD);
    }

    private static <T> Optional<T> read(JsonValue value, String name, Function<JsonValue, Optional<T>> reader,
                                        Reason reason) {
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException e) {
            throw new Refused(reason, name + ": " + e.getMessage());
        }
    }

    /** Ends the mapping of one document; never leaves this class. */
    private static final class Refused extends RuntimeException {

        private final Reason reason;

        Refused(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
