package io.authsvc.it;

import static io.authsvc.it.Problems.assertInvalid;
import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.text;
import static io.authsvc.it.Smtp.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 29, class 4 (ASVS 3.7.1): what can hand an account over needs its current password, not only a token (a
 * stolen one is as fresh as the owner's): a user's own new address, as its own new password. Wrong guesses count
 * with the account's failed logins. The notice to the old address carries a link that undoes the change: the old
 * address back, verified, every session and reset link ended; while it is live no one else can take the address.
 */
class ReauthenticationIT extends DeployedService {

    /** A signed-in account: its id, address, name, and the tokens of its login. */
    record Account(String id, String email, String username, String access, String refresh) {
    }

    @Test
    void anOwnAddressChangeNeedsTheCurrentPasswordAndAWrongOneChangesNothing() {
        Account ann = account("reauth", false);
        String next = Api.unique("reauth-next") + "@example.com";

        assertInvalid("current_password", put(ann, "{\"email\": \"" + next + "\"}"));
        assertProblem(403, put(ann, "{\"email\": \"" + next + "\", \"current_password\": \"not the password at all\"}"));
        assertInvalid("current_password", put(ann, "{\"email\": \"" + next + "\", \"current_password\": 7}"));
        assertEquals(ann.email(), api.get("me", ann.access()).json().getString("email"), "nothing changed");

        // Sending the address it has, in any case, changes nothing and needs nothing; nor does a new name.
        assertEquals(200, put(ann, "{\"email\": \"" + ann.email().toUpperCase() + "\"}").status());
        assertEquals(200, put(ann, "{\"full_name\": \"Ann Reauth\"}").status());

        Reply moved = put(ann, "{\"email\": \"" + next + "\", \"current_password\": \"" + Api.PASSWORD + "\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(next, moved.json().getString("email"));
    }

    @Test
    void anAdminNeedsItsPasswordForItsOwnAddressButNotForAnotherAccounts() {
        Account boss = account("reauth-admin", false);
        String root = api.adminToken();
        assertEquals(200, api.putJson(boss.id(), "{\"roles\": [\"user\", \"admin\"]}", root).status());
        Account other = account("reauth-other", false);

        assertInvalid("current_password", put(boss, "{\"email\": \"" + Api.unique("boss") + "@example.com\"}"));
        Reply provisioned = api.putJson(other.id(), "{\"email\": \"" + Api.unique("given") + "@example.com\"}",
                boss.access());
        assertEquals(200, provisioned.status(), provisioned.body());
    }

    @Test
    void wrongPasswordsOfAnAddressChangeAreThrottledWithTheAccountsFailedLogins() {
        Account ann = account("reauth-guess", false);
        String next = Api.unique("reauth-guess") + "@example.com";
        int limit = Integer.parseInt(System.getenv("LOGIN_MAX_FAILURES"));
        for (int i = 0; i < limit; i++) {
            assertProblem(403, put(ann, "{\"email\": \"" + next + "\", \"current_password\": \"guess number " + i
                    + "\"}"));
        }
        assertProblem(429, put(ann, "{\"email\": \"" + next + "\", \"current_password\": \"one guess more\"}"));
        assertProblem(429, put(ann, "{\"email\": \"" + next + "\", \"current_password\": \"" + Api.PASSWORD + "\"}"));
        assertProblem(429, api.login(ann.username(), Api.PASSWORD));
    }

    @Test
    void theOldAddressUndoesTheChangeAndEndsEverySessionAndResetLink() throws Exception {
        Account ann = account("revert", true);
        String taken = Api.unique("revert-taker") + "@example.com";
        assertEquals(200, put(ann, "{\"email\": \"" + taken + "\", \"current_password\": \"" + Api.PASSWORD
                + "\"}").status());
        String notice = text(awaitMail(ann.email(), ChangeNoticesIT.ADDRESS_SUBJECT));
        assertTrue(notice.contains("https://app.example.com/revert-email#token="), notice);
        String revert = token(notice);

        // While the link is live, the old address is not free for anyone else.
        assertProblem(409, api.postJson("register", """
                {"email": "%s", "username": "%s", "password": "%s"}""".formatted(ann.email(),
                Api.unique("squatter"), Api.PASSWORD), null));
        // The taker asks for a reset link at the new address.
        assertEquals(202, api.postJson("password-reset", "{\"email\": \"" + taken + "\"}", null).status());
        String reset = token(text(awaitMail(taken, Smtp.RESET_SUBJECT)));

        assertEquals(204, api.postJson("email-change/revert", "{\"token\": \"" + revert + "\"}", null).status());
        assertUnauthorized(api.get("me", ann.access()));
        assertProblem(400, api.postForm("login", "grant_type=refresh_token&refresh_token="
                + Api.encode(ann.refresh()), null));
        assertProblem(400, api.postJson("password-reset/confirm", """
                {"token": "%s", "new_password": "the taker's own passphrase"}""".formatted(reset), null));
        JsonObject back = api.get("me", api.token(ann.username(), Api.PASSWORD)).json();
        assertEquals(ann.email(), back.getString("email"));
        assertTrue(back.getBoolean("email_verified"), "the link came to the old address, so its owner reads it");

        JsonObject used = assertProblem(400, api.postJson("email-change/revert", "{\"token\": \"" + revert + "\"}", null));
        JsonObject unknown = assertProblem(400, api.postJson("email-change/revert",
                "{\"token\": \"" + "A".repeat(43) + "\"}", null));
        assertEquals(unknown, used, "one body for every token that is not live");
        assertEquals(unknown, assertProblem(400, api.postJson("email-change/revert", "{\"token\": \"x\"}", null)));
        assertInvalid("token", api.postJson("email-change/revert", "{}", null));
        assertProblem(400, api.postJson("email-change/revert", "{oops", null));
    }

    @Test
    void usingAnEarlierLinkEndsTheLinksOfLaterChanges() throws Exception {
        Account ann = account("revert-chain", true);
        String second = Api.unique("revert-second") + "@example.com";
        assertEquals(200, put(ann, "{\"email\": \"" + second + "\", \"current_password\": \"" + Api.PASSWORD
                + "\"}").status());
        String first = token(text(awaitMail(ann.email(), ChangeNoticesIT.ADDRESS_SUBJECT)));
        verify(second);
        String third = Api.unique("revert-third") + "@example.com";
        assertEquals(200, put(ann, "{\"email\": \"" + third + "\", \"current_password\": \"" + Api.PASSWORD
                + "\"}").status());
        String later = token(text(awaitMail(second, ChangeNoticesIT.ADDRESS_SUBJECT)));

        assertEquals(204, api.postJson("email-change/revert", "{\"token\": \"" + first + "\"}", null).status());
        assertProblem(400, api.postJson("email-change/revert", "{\"token\": \"" + later + "\"}", null));
        assertEquals(ann.email(), api.get(ann.id(), api.adminToken()).json().getString("email"));
    }

    @Test
    void aChangeByAnAdminCanBeUndoneByTheOwnerToo() throws Exception {
        Account ann = account("revert-admin", true);
        String given = Api.unique("revert-given") + "@example.com";
        assertEquals(200, api.putJson(ann.id(), "{\"email\": \"" + given + "\"}", api.adminToken()).status());
        String notice = text(awaitMail(ann.email(), ChangeNoticesIT.ADDRESS_SUBJECT));
        assertTrue(notice.contains("changed by an administrator"), notice);
        assertEquals(204, api.postJson("email-change/revert", "{\"token\": \"" + token(notice) + "\"}", null).status());
        JsonObject back = api.get(ann.id(), api.adminToken()).json();
        assertEquals(ann.email(), back.getString("email"));
        assertFalse(api.get("me", ann.access()).status() == 200, "the sessions of before have ended");
    }

    private Reply put(Account account, String json) {
        return api.putJson(account.id(), json, account.access());
    }

    /** A new account, signed in; its address verified through its mail when {@code verified}. */
    private Account account(String prefix, boolean verified) {
        JsonObject user = api.register(prefix).json();
        String email = user.getString("email");
        if (verified) {
            try {
                verify(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        JsonObject tokens = api.login(user.getString("username"), Api.PASSWORD).json();
        return new Account(user.getString("id"), email, user.getString("username"),
                tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    private void verify(String email) throws Exception {
        String token = token(text(awaitMail(email, Smtp.VERIFY_SUBJECT)));
        assertEquals(204, api.postJson("verify-email/confirm", "{\"token\": \"" + token + "\"}", null).status());
    }
}
