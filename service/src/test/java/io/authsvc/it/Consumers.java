package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every application that trusts this service's tokens must show, whichever way it checks them. */
final class Consumers {

    private Consumers() {
    }

    /**
     * {@code app} is a context root beside /auth with {@code api/<resource>/mine} for users and
     * {@code api/<resource>/all} for admins.
     */
    static void assertGuarded(Api api, String app, String user, String userId, String admin, String foreign) {
        String mine = "/" + app + "/mine";
        String all = "/" + app + "/all";
        Reply anonymous = api.get(mine, null);
        assertEquals(401, anonymous.status(), anonymous.body());

        Reply userMine = api.get(mine, user);
        assertEquals(200, userMine.status(), userMine.body());
        assertTrue(userMine.body().contains(userId), "the caller is the token's subject: " + userMine.body());
        assertEquals(403, api.get(all, user).status());

        assertEquals(200, api.get(mine, admin).status());
        assertEquals(200, api.get(all, admin).status());

        assertEquals(401, api.get(mine, foreign).status());
        assertEquals(401, api.get(all, foreign).status());
    }

    /** The realm jar's consumer answers with the same problem bodies as the auth service. */
    static void assertProblemBodies(Api api, String app, String user) {
        assertUnauthorized(api.get("/" + app + "/mine", null));
        assertUnauthorized(api.get("/" + app + "/mine", "not.a.token"));
        assertProblem(403, api.get("/" + app + "/all", user));
    }
}
