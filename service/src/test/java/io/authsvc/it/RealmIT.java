package io.authsvc.it;

import static io.authsvc.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.jwt.build.Jwt;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HS256: a second WAR on the same server (examples/orders-service, with the realm jar) trusts the auth WAR's
 * tokens through the shared SECRET_KEY and enforces @RolesAllowed from their groups.
 */
// Payara only: the orders example is deployed beside the auth WAR through Payara Micro's --deploy (TestEnvironment).
@Tag("payara")
class RealmIT extends DeployedService {


    @Test
    void guardsTheOtherApplicationWithTheAuthServicesTokens() {
        JsonObject user = api.register("realm").json();
        String userToken = api.token(user.getString("username"), Api.PASSWORD);
        Instant now = Instant.now();
        String foreign = Jwt.issuer("auth-service").subject(user.getString("id")).groups("admin")
                .issuedAt(now).expiresAt(now.plusSeconds(600)).signWithSecret("somebody-elses-key-0123456789-abcdef");
        Consumers.assertGuarded(api, "orders/api/orders", userToken, user.getString("id"), api.adminToken(), foreign);
        Consumers.assertProblemBodies(api, "orders/api/orders", userToken);
    }

    @Test
    void hasNoJwkSetUnderHs256() {
        assertProblem(404, api.get(".well-known/jwks.json", null));
        assertEquals(404, api.get(".well-known/jwks.json", api.adminToken()).status());
    }
}
