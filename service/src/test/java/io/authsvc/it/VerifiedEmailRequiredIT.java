package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Smtp.awaitMail;
import static io.authsvc.it.Smtp.awaitMails;
import static io.authsvc.it.Smtp.mailsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code REQUIRE_VERIFIED_EMAIL=true}, on a {@code bin/run} of its own (the deployed WAR keeps the default, false,
 * as old clients need): the right password of an unverified address gets 403 and a new mail, a few an hour; a
 * wrong one gets the 401 of any wrong password; once the address is verified the login succeeds.
 */
// Payara only: bin/run starts Payara Micro. The check itself is the WAR's, the same on WildFly.
@Tag("payara")
class VerifiedEmailRequiredIT {

    static ServiceRun run;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        Smtp.server();
        run = ServiceRun.start("verified-email", Map.of("REQUIRE_VERIFIED_EMAIL", "true"), Set.of());
        api = new Api(run.base.toURL());
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void letsAnUnverifiedAddressInOnlyOnceItIsVerified() throws Exception {
        JsonObject user = api.register("required").json();
        String email = user.getString("email");
        String username = user.getString("username");
        awaitMail(email, Smtp.VERIFY_SUBJECT);

        assertProblem(401, api.login(username, "not the password at all"));
        JsonObject refused = assertProblem(403, api.login(username, Api.PASSWORD));
        assertTrue(refused.getString("detail").contains("not verified"), refused.toString());
        assertTrue(refused.getString("detail").contains("a new one is on its way"), refused.toString());
        JsonObject byJson = assertProblem(403, api.postJson("login",
                "{\"username\": \"" + email + "\", \"password\": \"" + Api.PASSWORD + "\"}", null));
        assertTrue(byJson.getString("detail").contains("not verified"), byJson.toString());
        // the registration's mail and one per refused login, up to EMAIL_VERIFY_MAX_PER_HOUR (3)
        awaitMails(email, Smtp.VERIFY_SUBJECT, 3);
        assertTrue(assertProblem(403, api.login(username, Api.PASSWORD)).getString("detail")
                .contains("a new one is on its way"), "the third reminder");
        JsonObject enough = assertProblem(403, api.login(username, Api.PASSWORD));
        assertFalse(enough.getString("detail").contains("on its way"), enough.toString());
        Thread.sleep(1500);
        List<MimeMessage> mails = mailsTo(email, Smtp.VERIFY_SUBJECT);
        assertEquals(4, mails.size(), "no mail past the limit");

        assertEquals(List.of(204), EmailVerificationIT.confirmEach(api, mails), "the newest token alone is good");
        Reply in = api.login(username, Api.PASSWORD);
        assertEquals(200, in.status(), in.body());
    }

    /** Every grant holds the setting: a refresh of a session whose address is no longer verified is refused. */
    @Test
    void refusesTheRefreshGrantOnceTheAddressIsNoLongerVerified() throws Exception {
        JsonObject user = api.register("refresh").json();
        String email = user.getString("email");
        assertEquals(List.of(204), EmailVerificationIT.confirmEach(api,
                List.of(awaitMail(email, Smtp.VERIFY_SUBJECT))));
        JsonObject login = api.login(user.getString("username"), Api.PASSWORD).json();
        Reply first = refresh(login.getString("refresh_token"));
        assertEquals(200, first.status(), first.body());
        String refreshed = first.json().getString("refresh_token");

        String moved = Api.unique("moved") + "@example.com";
        Reply changed = api.putJson(user.getString("id"), "{\"email\": \"" + moved + "\", \"current_password\": \""
                + Api.PASSWORD + "\"}", login.getString("access_token"));
        assertEquals(200, changed.status(), changed.body());
        Reply refused = refresh(refreshed);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().getString("error"), refused.body());
        assertEquals(403, api.login(user.getString("username"), Api.PASSWORD).status(), "nor a new login");
    }

    private static Reply refresh(String token) {
        return api.postForm("login", "grant_type=refresh_token&refresh_token=" + token, null);
    }
}
