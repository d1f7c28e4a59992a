package io.authsvc.it;

import static io.authsvc.it.Problems.assertUnauthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RS256: the auth WAR signs with its private key and publishes the JWK Set; the realm jar's WAR (fetching that
 * URL) and a WAR on the server's own MicroProfile JWT both accept its tokens and enforce roles from them.
 */
class RealmRs256IT extends DeployedService {


    @Test
    void publishesTheCurrentAndPreviousKeys() {
        Reply reply = api.get(".well-known/jwks.json", "ignored.broken.token");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Cache-Control").contains("max-age="), reply.header("Cache-Control"));
        List<JsonObject> keys = reply.json().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertEquals(2, keys.size(), reply.body());
        for (JsonObject key : keys) {
            assertEquals("RSA", key.getString("kty"));
            assertEquals("RS256", key.getString("alg"));
            assertTrue(!key.getString("kid").isBlank() && !key.containsKey("d"), "public keys only: " + key);
        }
        String kid = header(api.adminToken()).getString("kid");
        assertEquals(kid, keys.get(0).getString("kid"), "tokens name the current key");
        assertEquals("RS256", header(api.adminToken()).getString("alg"));
    }

    @Test
    void guardsTheRealmApplicationThroughTheJwkSetUrl() throws Exception {
        JsonObject user = api.register("rs-realm").json();
        String userToken = api.token(user.getString("username"), Api.PASSWORD);
        Consumers.assertGuarded(api, "orders/api/orders", userToken, user.getString("id"), api.adminToken(),
                claims(user.getString("id"), "admin").jws().keyId("unknown-key").sign(freshKey()));
        Consumers.assertProblemBodies(api, "orders/api/orders", userToken);
    }

    @Test
    void guardsTheMicroProfileJwtApplication() throws Exception {
        JsonObject user = api.register("rs-mp").json();
        String userToken = api.token(user.getString("username"), Api.PASSWORD);
        Consumers.assertGuarded(api, "reports/api/reports", userToken, user.getString("username"), api.adminToken(),
                claims(user.getString("id"), "admin").sign(freshKey()));
    }

    @Test
    void acceptsTokensOfThePreviousKeyEverywhere() throws Exception {
        JsonObject user = api.register("rs-prev").json();
        String kid = api.get(".well-known/jwks.json", null).json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).get(1).getString("kid");
        String token = claims(user.getString("id"), "user").upn(user.getString("username")).claim("ver", 0)
                .jws().keyId(kid).sign(privateKey("previous-private.pem"));
        assertEquals(200, api.get("me", token).status());
        assertEquals(200, api.get("/orders/api/orders/mine", token).status());
        assertEquals(200, api.get("/reports/api/reports/mine", token).status());
    }

    @Test
    void refusesWhatAnRs256VerifierMustRefuse() throws Exception {
        JsonObject user = api.register("rs-bad").json();
        String id = user.getString("id");
        // HS256 signed with the public key's bytes as the secret: the classic algorithm confusion
        String publicPem = Files.readString(TestEnvironment.keyFile("current-public.pem"));
        String confused = claims(id, "admin").claim("ver", 0).jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new javax.crypto.spec.SecretKeySpec(publicPem.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String unknownKid = claims(id, "admin").claim("ver", 0).jws().keyId("no-such-key").sign(freshKey());
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + api.adminToken().split("\\.")[1] + ".";
        for (String token : List.of(confused, unknownKid, none)) {
            assertUnauthorized(api.get("me", token));
            assertEquals(401, api.get("/orders/api/orders/mine", token).status());
            assertEquals(401, api.get("/reports/api/reports/mine", token).status());
        }
    }

    private static JwtClaimsBuilder claims(String subject, String group) {
        Instant now = Instant.now();
        return Jwt.issuer(TestEnvironment.issuer()).subject(subject).upn(subject).groups(group)
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("jti", subject + now.toEpochMilli());
    }

    private static PrivateKey privateKey(String file) throws Exception {
        String pem = Files.readString(TestEnvironment.keyFile(file));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static PrivateKey freshKey() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static JsonObject header(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
