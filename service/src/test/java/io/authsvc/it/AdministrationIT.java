package io.authsvc.it;

import static io.authsvc.it.Problems.assertInvalid;
import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list, stats, reading, changing and deleting accounts: who may, and what they get. */
class AdministrationIT extends DeployedService {

    String admin;

    @BeforeEach
    void client() {
        admin = api.adminToken();
    }

    /** A fresh account with its token. */
    record Account(String id, String username, String token) {
    }

    Account account(String prefix) {
        JsonObject user = api.register(prefix).json();
        return new Account(user.getString("id"), user.getString("username"),
                api.token(user.getString("username"), Api.PASSWORD));
    }

    Account admin(String prefix) {
        Account account = account(prefix);
        Reply promoted = api.putJson(account.id(), "{\"roles\": [\"user\", \"admin\"]}", admin);
        assertEquals(200, promoted.status(), promoted.body());
        return account;
    }

    @Test
    void showsTheBootstrapAdminAsAnAdmin() {
        JsonObject me = api.get("me", admin).json();
        assertEquals("root", me.getString("username"));
        assertEquals(List.of("admin", "user"), roles(me));
    }

    @Test
    void guardsTheListAndStats() {
        Account user = account("plain");
        for (String path : List.of("", "stats")) {
            assertUnauthorized(api.get(path, null));
            assertProblem(403, api.get(path, user.token()));
            assertEquals(200, api.get(path, admin).status());
        }
        assertUnauthorized(api.get("me", null));
    }

    @Test
    void countsUsersInStats() {
        JsonObject before = api.get("stats", admin).json();
        Account gone = account("stats");
        assertEquals(200, api.putJson(gone.id(), "{\"is_active\": false}", admin).status());
        JsonObject after = api.get("stats", admin).json();
        assertEquals(before.getInt("total_users") + 1, after.getInt("total_users"));
        assertEquals(before.getInt("active_users"), after.getInt("active_users"));
        assertEquals(before.getInt("inactive_users") + 1, after.getInt("inactive_users"));
        assertEquals(after.getInt("total_users"), after.getInt("active_users") + after.getInt("inactive_users"));
        assertEquals(3, after.size(), "only the three counts: " + after);
    }

    @Test
    void pagesNewestFirstWithSkipAndCursor() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            String name = tag + "-" + i;
            ids[i] = api.postJson("register", """
                    {"email": "%s@example.com", "username": "%s", "password": "%s"}
                    """.formatted(name, name, Api.PASSWORD), null).json().getString("id");
        }
        Reply first = api.get("?limit=2&q=" + tag, admin);
        assertEquals(200, first.status(), first.body());
        assertEquals("3", first.header("X-Total-Count"));
        assertEquals(List.of(ids[2], ids[1]), ids(first));
        String cursor = first.header("X-Next-Cursor");
        assertTrue(cursor != null && !cursor.isBlank());

        Reply second = api.get("?limit=2&q=" + tag + "&after=" + cursor, admin);
        assertEquals(List.of(ids[0]), ids(second));
        assertNull(second.header("X-Next-Cursor"), "no cursor on the last page");
        assertEquals("3", second.header("X-Total-Count"));

        assertEquals(List.of(ids[1], ids[0]), ids(api.get("?skip=1&limit=5&q=" + tag, admin)));
        assertEquals(List.of(), ids(api.get("?skip=3&q=" + tag, admin)));
    }

    @Test
    void walksTheUnfilteredListByCursorWithTheKeptCounts() {
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = account("walk").id();
        }
        assertEquals(200, api.putJson(ids[1], "{\"roles\": [\"user\", \"admin\"]}", admin).status());
        JsonObject stats = api.get("stats", admin).json();

        Reply first = api.get("?limit=2", admin);
        assertEquals(List.of(ids[2], ids[1]), ids(first));
        assertEquals(String.valueOf(stats.getInt("total_users")), first.header("X-Total-Count"));
        JsonObject promoted = first.array().getJsonObject(1);
        assertEquals(List.of("admin", "user"), roles(promoted));
        assertTrue(promoted.getBoolean("is_active"));
        assertTrue(!first.body().contains("password") && !first.body().contains("$2"), first.body());

        Reply second = api.get("?limit=2&after=" + first.header("X-Next-Cursor"), admin);
        assertEquals(ids[0], ids(second).getFirst());
        assertEquals(List.of("user"), roles(second.array().getJsonObject(0)));
        assertEquals(String.valueOf(stats.getInt("total_users")), second.header("X-Total-Count"));
        assertEquals(String.valueOf(stats.getInt("active_users")), api.get("?is_active=true&limit=1", admin)
                .header("X-Total-Count"));
        assertEquals(String.valueOf(stats.getInt("inactive_users")), api.get("?is_active=false&limit=1", admin)
                .header("X-Total-Count"));
    }

    @Test
    void showsTheAccountAsTheDatabaseHoldsItAtEachRequest() {
        Account ann = account("now");
        JsonObject before = api.get("me", ann.token()).json();
        assertEquals(List.of("user"), roles(before));
        assertEquals(before, api.get(ann.id(), admin).json());

        assertEquals(200, api.putJson(ann.id(), """
                {"full_name": "Ann Now", "roles": ["user", "admin"]}
                """, admin).status());
        JsonObject after = api.get("me", ann.token()).json();
        assertEquals("Ann Now", after.getString("full_name"));
        assertEquals(List.of("admin", "user"), roles(after));
        assertEquals(after, api.get(ann.id(), ann.token()).json(), "reading itself by id, as the token check read it");
        assertEquals(after, api.get(ann.id(), admin).json());
        assertEquals(200, api.get("stats", ann.token()).status());

        // a new password moves the token version on: the token of before is refused at its next call
        assertEquals(200, api.putJson(ann.id(), "{\"password\": \"" + Api.PASSWORD + "-new\"}", admin).status());
        assertUnauthorized(api.get("me", ann.token()));
        assertUnauthorized(api.get(ann.id(), ann.token()));
    }

    @Test
    void filtersByActivityAndText() {
        String tag = "flt" + UUID.randomUUID().toString().substring(0, 8);
        String active = register(tag + "-a", "Percent 100% Sure");
        String inactive = register(tag + "-b", "Under_Score");
        String plain = register(tag + "-c", "UnderXScore");
        assertEquals(200, api.putJson(inactive, "{\"is_active\": false}", admin).status());

        assertEquals(List.of(plain, active), ids(api.get("?is_active=true&q=" + tag, admin)));
        assertEquals(List.of(inactive), ids(api.get("?is_active=false&q=" + tag, admin)));
        // % and _ match themselves, not any text
        List<String> ours = List.of(active, inactive, plain);
        assertEquals(List.of(active), ids(api.get("?limit=500&q=" + Api.encode("100%"), admin)).stream()
                .filter(ours::contains).toList());
        assertEquals(List.of(inactive), ids(api.get("?limit=500&q=" + Api.encode("under_score"), admin)).stream()
                .filter(ours::contains).toList());
        // the email matches too, case-insensitively
        assertEquals(3, ids(api.get("?q=" + tag.toUpperCase() + "-", admin)).size());
    }

    @Test
    void refusesBadListParameters() {
        assertInvalid("limit", api.get("?limit=0", admin));
        assertInvalid("limit", api.get("?limit=501", admin));
        assertInvalid("limit", api.get("?limit=ten", admin));
        assertInvalid("skip", api.get("?skip=-1", admin));
        assertInvalid("is_active", api.get("?is_active=yes", admin));
        assertInvalid("after", api.get("?after=bm90LWEtY3Vyc29y", admin));
        assertEquals(200, api.get("?limit=500", admin).status());
    }

    @Test
    void letsAUserReadItselfButNoOneElse() {
        Account ann = account("ann");
        Account bob = account("bob");
        assertEquals(ann.username(), api.get(ann.id(), ann.token()).json().getString("username"));
        assertProblem(403, api.get(bob.id(), ann.token()));
        assertProblem(403, api.get(UUID.randomUUID().toString(), ann.token()));
        assertProblem(403, api.get("not-a-uuid", ann.token()));
        assertUnauthorized(api.get(ann.id(), null));
        assertEquals(bob.username(), api.get(bob.id(), admin).json().getString("username"));
        assertProblem(404, api.get(UUID.randomUUID().toString(), admin));
        assertProblem(404, api.get("not-a-uuid", admin));
    }

    @Test
    void updatesOnlyTheMembersSent() {
        Account ann = account("upd");
        JsonObject before = api.get(ann.id(), ann.token()).json();
        Reply named = api.putJson(ann.id(), "{\"full_name\": \"Ann Lee\"}", ann.token());
        assertEquals(200, named.status(), named.body());
        JsonObject after = named.json();
        assertEquals("Ann Lee", after.getString("full_name"));
        assertEquals(before.getString("email"), after.getString("email"));
        assertEquals(before.getString("username"), after.getString("username"));
        assertNotEquals(before.getString("updated_at"), after.getString("updated_at"));
        assertEquals(before.getString("created_at"), after.getString("created_at"));

        Reply cleared = api.putJson(ann.id(), "{\"full_name\": null}", ann.token());
        assertTrue(cleared.json().isNull("full_name"));
        String email = Api.unique("new") + "@Example.com";
        Reply moved = api.putJson(ann.id(), "{\"email\": \"" + email + "\", \"current_password\": \"" + Api.PASSWORD
                + "\"}", ann.token());
        assertEquals(email.toLowerCase(), moved.json().getString("email"));

        assertInvalid("email", api.putJson(ann.id(), "{\"email\": null}", ann.token()));
        assertInvalid("username", api.putJson(ann.id(), "{\"username\": \"x\"}", ann.token()));
        assertInvalid("is_active", api.putJson(ann.id(), "{\"is_active\": \"yes\"}", ann.token()));
        assertInvalid("roles", api.putJson(ann.id(), "{\"roles\": [\"admin\"]}", admin));
        assertInvalid("roles", api.putJson(ann.id(), "{\"roles\": [\"user\", \"root\"]}", admin));
        assertProblem(400, api.putJson(ann.id(), "{oops", ann.token()));
    }

    @Test
    void refusesATakenUsernameOnUpdate() {
        Account ann = account("dupa");
        Account bob = account("dupb");
        assertProblem(409, api.putJson(ann.id(), "{\"username\": \"" + bob.username().toUpperCase() + "\"}", ann.token()));
        // its own name in another case is fine
        Reply recased = api.putJson(ann.id(), "{\"username\": \"" + ann.username().toUpperCase() + "\"}", ann.token());
        assertEquals(200, recased.status(), recased.body());
    }

    @Test
    void keepsActivityAndRolesForAdmins() {
        Account ann = account("roles");
        assertEquals(200, api.putJson(ann.id(), "{\"is_active\": true, \"roles\": [\"user\"]}", ann.token()).status(),
                "sending the values it already has is fine");
        assertProblem(403, api.putJson(ann.id(), "{\"is_active\": false}", ann.token()));
        assertProblem(403, api.putJson(ann.id(), "{\"roles\": [\"user\", \"admin\"]}", ann.token()));
        Account bob = account("other");
        assertProblem(403, api.putJson(bob.id(), "{\"full_name\": \"Bob\"}", ann.token()));
        assertProblem(404, api.putJson(UUID.randomUUID().toString(), "{\"full_name\": \"Nobody\"}", admin));
        assertUnauthorized(api.putJson(ann.id(), "{\"full_name\": \"X\"}", null));
    }

    @Test
    void asksForTheCurrentPasswordWhenAUserChangesItsOwn() {
        Account ann = account("pw");
        String next = "a brand new passphrase";
        assertInvalid("current_password", api.putJson(ann.id(), "{\"password\": \"" + next + "\"}", ann.token()));
        assertProblem(403, api.putJson(ann.id(), """
                {"password": "%s", "current_password": "wrong wrong wrong"}""".formatted(next), ann.token()));
        assertInvalid("password", api.putJson(ann.id(), """
                {"password": "short", "current_password": "%s"}""".formatted(Api.PASSWORD), ann.token()));
        Reply changed = api.putJson(ann.id(), """
                {"password": "%s", "current_password": "%s"}""".formatted(next, Api.PASSWORD), ann.token());
        assertEquals(200, changed.status(), changed.body());
        assertUnauthorized(api.get("me", ann.token()));
        assertUnauthorized(api.login(ann.username(), Api.PASSWORD));
        String fresh = api.token(ann.username(), next);
        assertEquals(200, api.get("me", fresh).status());
        // an admin sets another user's password without knowing the old one
        assertEquals(200, api.putJson(ann.id(), "{\"password\": \"set by the admin now\"}", admin).status());
        assertEquals(200, api.login(ann.username(), "set by the admin now").status());
    }

    @Test
    void refusesTokensOfDeletedAndDeactivatedUsers() {
        Account gone = account("gone");
        Account off = account("off");
        assertEquals(204, api.delete(gone.id(), admin).status());
        assertUnauthorized(api.get("me", gone.token()));
        assertProblem(404, api.get(gone.id(), admin));
        assertEquals(200, api.putJson(off.id(), "{\"is_active\": false}", admin).status());
        assertUnauthorized(api.get("me", off.token()));
        // reactivated: the old token stays dead, a new login works
        assertEquals(200, api.putJson(off.id(), "{\"is_active\": true}", admin).status());
        assertUnauthorized(api.get("me", off.token()));
        assertEquals(200, api.get("me", api.token(off.username(), Api.PASSWORD)).status());
    }

    @Test
    void readsRolesFromTheDatabaseAtEachRequest() {
        Account boss = admin("boss");
        String token = api.token(boss.username(), Api.PASSWORD);
        assertEquals(200, api.get("stats", token).status());
        assertEquals(200, api.putJson(boss.id(), "{\"roles\": [\"user\"]}", admin).status());
        assertProblem(403, api.get("stats", token));
    }

    @Test
    void deletesItselfOrByAdmin() {
        Account ann = account("del");
        Account bob = account("del");
        assertProblem(403, api.delete(bob.id(), ann.token()));
        assertUnauthorized(api.delete(ann.id(), null));
        assertEquals(204, api.delete(ann.id(), ann.token()).status());
        assertProblem(404, api.delete(ann.id(), admin));
        assertEquals(204, api.delete(bob.id(), admin).status());
    }

    @Test
    void keepsOneActiveAdmin() {
        Account second = admin("second");
        String secondToken = api.token(second.username(), Api.PASSWORD);
        String rootId = api.get("me", admin).json().getString("id");
        // with two active admins, either may step down; the last one may not
        assertEquals(200, api.putJson(second.id(), "{\"roles\": [\"user\"]}", secondToken).status());
        assertProblem(409, api.putJson(rootId, "{\"roles\": [\"user\"]}", admin));
        assertProblem(409, api.putJson(rootId, "{\"is_active\": false}", admin));
        assertProblem(409, api.delete(rootId, admin));
        assertEquals(List.of("admin", "user"), roles(api.get("me", admin).json()));
    }

    private String register(String username, String fullName) {
        return api.postJson("register", """
                {"email": "%s@example.com", "username": "%s", "password": "%s", "full_name": "%s"}
                """.formatted(username, username, Api.PASSWORD, fullName), null).json().getString("id");
    }

    private static List<String> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.array().getValuesAs(JsonObject.class).stream().map(user -> user.getString("id")).toList();
    }

    private static List<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
