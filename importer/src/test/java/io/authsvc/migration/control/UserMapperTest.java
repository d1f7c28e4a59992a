package io.authsvc.migration.control;

import static io.authsvc.migration.control.ExtendedJsonTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.migration.entity.LegacyUser;
import io.authsvc.migration.entity.Mapped;
import io.authsvc.migration.entity.Reason;
import io.authsvc.migration.entity.Skipped;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserMapperTest {

    /** Made with Debian's python3-passlib: bcrypt.using(rounds=10, ident='2b').hash("Ann's old password 1"). */
    static final String HASH = "$2b$10$mkwOPwUR2Wa2lPdkoQv/KOM27p6IopjBBRbZuYQQOfuG16DqS6t1.";
    static final String ID = "\"_id\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123456Z");

    private final UserMapper mapper = new UserMapper(() -> NOW);

    private Mapped map(String members) {
        return mapper.map(7, json("{" + members + "}"));
    }

    private LegacyUser user(String members) {
        return assertInstanceOf(LegacyUser.class, map(members));
    }

    private Skipped skipped(Reason reason, String members) {
        Skipped skipped = assertInstanceOf(Skipped.class, map(members));
        assertEquals(reason, skipped.reason(), skipped.line());
        return skipped;
    }

    private static String minimal(String more) {
        return ID + ", \"email\": \"ann@example.com\", \"username\": \"ann\", \"hashed_password\": \"" + HASH + "\"" + more;
    }

    @Test
    void mapsARelaxedDocument() {
        LegacyUser user = user(ID + """
                , "email": "  Ann.Lee@Example.COM ", "username": "Ann", "full_name": "Ann Lee", "is_active": false,
                "is_verified": false, "hashed_password": "%s", "created_at": {"$date": "2021-03-04T05:06:07.123Z"},
                "updated_at": {"$date": "2022-01-02T03:04:05Z"}, "last_login": {"$date": "2023-05-06T07:08:09.010Z"},
                "query_count": 17, "document_count": 3""".formatted(HASH));
        assertEquals(7, user.record());
        assertEquals("65a1b2c3d4e5f60718293a4b", user.legacyId());
        assertEquals("ann.lee@example.com", user.email());
        assertEquals("Ann", user.username());
        assertEquals("Ann Lee", user.fullName());
        assertFalse(user.active());
        assertFalse(user.emailVerified());
        assertEquals(HASH, user.passwordHash());
        assertEquals(Instant.parse("2021-03-04T05:06:07.123Z"), user.createdAt());
        assertEquals(Instant.parse("2022-01-02T03:04:05Z"), user.updatedAt());
        assertEquals(Instant.parse("2023-05-06T07:08:09.010Z"), user.lastLogin());
        assertFalse(user.admin());
    }

    @Test
    void mapsACanonicalDocument() {
        LegacyUser user = user(ID + """
                , "email": "bo@example.com", "username": "bo", "full_name": null, "password_hash": "%s",
                "created_at": {"$date": {"$numberLong": "1600000000000"}}, "last_login": {"$date": 1700000000000},
                "query_count": {"$numberInt": "5"}, "document_count": {"$numberLong": "9000000000"}""".formatted(HASH));
        assertNull(user.fullName());
        assertEquals(Instant.ofEpochMilli(1600000000000L), user.createdAt());
        assertEquals(Instant.ofEpochMilli(1700000000000L), user.lastLogin());
    }

    @Test
    void fillsInDefaults() {
        LegacyUser user = user(minimal(""));
        assertTrue(user.active());
        assertTrue(user.emailVerified(), "an address the old service never asked about counts as verified");
        assertFalse(user(minimal(", \"email_verified\": false")).emailVerified());
        assertEquals(Instant.parse("2024-01-12T21:44:35Z"), user.createdAt(), "the ObjectId's time");
        assertEquals(user.createdAt(), user.updatedAt());
        assertNull(user.lastLogin());
        assertNull(user.fullName());
        LegacyUser withoutObjectId = user(minimal("").replace(ID, "\"_id\": \"ann-1\""));
        assertEquals(Instant.parse("2026-11-27T12:00:00.123Z"), withoutObjectId.createdAt(), "now, in milliseconds");
    }

    @Test
    void takesTheHashFromWhicheverFieldHoldsOne() {
        for (String field : UserMapper.HASH_FIELDS) {
            String doc = ID + ", \"email\": \"a@example.com\", \"username\": \"a\", \"" + field + "\": \"" + HASH + "\"";
            assertEquals(HASH, user(doc).passwordHash(), field);
        }
        String a = "$2a$" + HASH.substring(4);
        String y = "$2y$" + HASH.substring(4);
        assertEquals(a, user(minimal("").replace("\"hashed_password\": \"" + HASH + "\"",
                "\"hashed_password\": \"plain text\", \"password_hash\": \"" + a + "\", \"password\": \"" + y + "\"")).passwordHash());
        assertEquals(y, user(minimal("").replace("\"hashed_password\": \"" + HASH + "\"",
                "\"hashed_password\": null, \"password\": \"" + y + "\"")).passwordHash());
    }

    @Test
    void skipsARecordWithoutABcryptHashWithoutShowingWhatItHolds() {
        Skipped plain = skipped(Reason.NO_BCRYPT_HASH, minimal("").replace("hashed_password", "password")
                .replace(HASH, "hunter2-secret"));
        assertEquals("password holds no bcrypt hash", plain.detail());
        assertFalse(plain.line().contains("hunter2"), plain.line());
        assertEquals("none of hashed_password, password_hash, password is present",
                skipped(Reason.NO_BCRYPT_HASH, ID + ", \"email\": \"a@example.com\", \"username\": \"a\"").detail());
        for (String notBcrypt : new String[] {"$2b$03$" + HASH.substring(7), "$2b$32$" + HASH.substring(7),
                "$2x$10$" + HASH.substring(7), HASH + "x", HASH.substring(1), "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"}) {
            skipped(Reason.NO_BCRYPT_HASH, minimal("").replace(HASH, notBcrypt));
        }
        skipped(Reason.NO_BCRYPT_HASH, minimal("").replace("\"" + HASH + "\"", "{\"hash\": \"" + HASH + "\"}"));
    }

    @Test
    void skipsInvalidAndMissingEmails() {
        assertEquals("not a valid address", skipped(Reason.INVALID_EMAIL, minimal("").replace("ann@example.com", "ann@")).detail());
        assertEquals("missing", skipped(Reason.INVALID_EMAIL, minimal("").replace("\"email\": \"ann@example.com\", ", "")).detail());
        assertEquals("missing", skipped(Reason.INVALID_EMAIL, minimal("").replace("\"ann@example.com\"", "null")).detail());
        assertEquals("blank", skipped(Reason.INVALID_EMAIL, minimal("").replace("ann@example.com", "  ")).detail());
        assertEquals("email: a number, not text", skipped(Reason.INVALID_EMAIL, minimal("").replace("\"ann@example.com\"", "5")).detail());
        skipped(Reason.INVALID_EMAIL, minimal("").replace("ann@example.com", "a".repeat(250) + "@example.com"));
    }

    @Test
    void keepsOldUsernamesThatTodaysRuleRefuses() {
        for (String old : new String[] {"O'Brien Senior", "jo", "ann@home", "Zoë", "x".repeat(255)}) {
            assertEquals(old, user(minimal("").replace("\"ann\"", "\"" + old + "\"")).username());
        }
        assertEquals("padded", user(minimal("").replace("\"ann\"", "\" padded\\t\"")).username(),
                "the login strips what it is given, so surrounding white space could never match");
    }

    @Test
    void skipsMissingBlankAndAbsurdUsernames() {
        assertEquals("missing", skipped(Reason.INVALID_USERNAME, minimal("").replace("\"username\": \"ann\", ", "")).detail());
        assertEquals("blank", skipped(Reason.INVALID_USERNAME, minimal("").replace("\"ann\"", "\" \"")).detail());
        assertEquals("username: a number, not text", skipped(Reason.INVALID_USERNAME, minimal("").replace("\"ann\"", "12")).detail());
        skipped(Reason.INVALID_USERNAME, minimal("").replace("\"ann\"", "\"" + "x".repeat(256) + "\""));
    }

    @Test
    void readsEveryWayADocumentNamesAnAdmin() {
        assertFalse(user(minimal("")).admin());
        for (String marked : new String[] {", \"is_superuser\": true", ", \"is_admin\": true", ", \"role\": \"admin\"",
                ", \"role\": \"Admin \"", ", \"roles\": [\"user\", \"admin\"]", ", \"is_admin\": false, \"roles\": [\"ADMIN\"]"}) {
            assertTrue(user(minimal(marked)).admin(), marked);
        }
        for (String plain : new String[] {", \"is_superuser\": false", ", \"is_admin\": null", ", \"role\": \"user\"",
                ", \"roles\": [\"user\", \"editor\"]", ", \"roles\": []", ", \"admin\": true"}) {
            assertFalse(user(minimal(plain)).admin(), plain);
        }
    }

    @Test
    void skipsFieldsOfTheWrongKindRatherThanGuess() {
        assertEquals("is_active: text, not true or false", skipped(Reason.UNREADABLE_FIELD, minimal(", \"is_active\": \"yes\"")).detail());
        assertEquals("is_superuser: a number, not true or false", skipped(Reason.UNREADABLE_FIELD, minimal(", \"is_superuser\": 1")).detail());
        assertEquals("roles: text, not an array", skipped(Reason.UNREADABLE_FIELD, minimal(", \"roles\": \"admin\"")).detail());
        assertEquals("created_at: text that is not an ISO-8601 date",
                skipped(Reason.UNREADABLE_FIELD, minimal(", \"created_at\": {\"$date\": \"yesterday\"}")).detail());
        skipped(Reason.UNREADABLE_FIELD, minimal(", \"full_name\": {\"first\": \"Ann\"}"));
        skipped(Reason.UNREADABLE_FIELD, minimal(", \"last_login\": 1700000000000"));
    }

    @Test
    void skipsRecordsWithoutAUsableIdOrThatAreNoDocuments() {
        Skipped noId = skipped(Reason.INVALID_ID, minimal("").replace(ID + ", ", ""));
        assertEquals("-", noId.legacyId());
        assertEquals("missing", noId.detail());
        skipped(Reason.INVALID_ID, minimal("").replace(ID, "\"_id\": {\"$oid\": \"123\"}"));
        skipped(Reason.INVALID_ID, minimal("").replace(ID, "\"_id\": \"" + "x".repeat(256) + "\""));
        assertEquals("11", user(minimal("").replace(ID, "\"_id\": {\"$numberInt\": \"11\"}")).legacyId());
        Skipped number = assertInstanceOf(Skipped.class, mapper.map(3, json("42")));
        assertEquals(Reason.NOT_A_DOCUMENT, number.reason());
        assertEquals("skipped record 3 (_id -): not a document: a number", number.line());
    }

    @Test
    void namesTheRecordAndIdOfASkip() {
        Skipped skipped = skipped(Reason.INVALID_EMAIL, minimal("").replace("ann@example.com", "nope"));
        assertEquals("skipped record 7 (_id 65a1b2c3d4e5f60718293a4b): invalid email: not a valid address", skipped.line());
    }

    @Test
    void keepsTheHashOutOfPrintedUsers() {
        assertFalse(user(minimal("")).toString().contains(HASH.substring(7)));
    }
}
