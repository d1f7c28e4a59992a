package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A client library nobody here wrote, Nimbus OAuth 2.0 SDK with OpenID Connect extensions, against the server of
 * the RS256 run, whose {@code JWT_ISSUER} is its URL of /auth: it resolves the metadata from the issuer alone,
 * then logs in with the password grant, checks the access token's signature with the published keys, refreshes,
 * revokes, and introspects.
 */
class OAuthClientRs256IT extends DeployedService {

    static final ClientID CLIENT = new ClientID("nimbus-it");


    @Test
    void aStandardClientConfiguresItselfAndRunsTheWholeSession() throws Exception {
        Issuer issuer = new Issuer(TestEnvironment.issuer());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer);
        assertEquals(issuer, metadata.getIssuer());
        assertTrue(metadata.getGrantTypes().contains(GrantType.PASSWORD));
        assertTrue(metadata.getGrantTypes().contains(GrantType.REFRESH_TOKEN));
        // The RFC 8414 document at its compatibility path says the same.
        AuthorizationServerMetadata oauth = AuthorizationServerMetadata.parse(
                api.get(".well-known/oauth-authorization-server", null).body());
        assertEquals(metadata.getTokenEndpointURI(), oauth.getTokenEndpointURI());
        assertEquals(metadata.getRevocationEndpointURI(), oauth.getRevocationEndpointURI());

        String username = api.register("nimbus").json().getString("username");
        Tokens first = token(metadata.getTokenEndpointURI(),
                new ResourceOwnerPasswordCredentialsGrant(username, new Secret(Api.PASSWORD)));
        BearerAccessToken access = first.getBearerAccessToken();
        RefreshToken refresh = first.getRefreshToken();
        assertTrue(refresh != null, "the login answers a refresh token");
        assertEquals(1800, access.getLifetime());

        // The access token's signature checks out against the JWK Set that the metadata names.
        SignedJWT jwt = SignedJWT.parse(access.getValue());
        RSAKey key = JWKSet.load(metadata.getJWKSetURI().toURL()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        assertEquals(issuer.getValue(), jwt.getJWTClaimsSet().getIssuer());
        assertTrue(jwt.getJWTClaimsSet().getStringClaim("sid") != null);

        Tokens second = token(metadata.getTokenEndpointURI(), new RefreshTokenGrant(refresh));
        assertNotEquals(refresh, second.getRefreshToken());
        assertEquals(200, api.get("me", second.getBearerAccessToken().getValue()).status());

        // Introspection, with an admin's token as the resource server's credential.
        TokenIntrospectionResponse introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), new BearerAccessToken(api.adminToken()),
                second.getBearerAccessToken()).toHTTPRequest().send());
        assertTrue(introspection.indicatesSuccess());
        assertTrue(introspection.toSuccessResponse().isActive());

        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), CLIENT,
                second.getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertEquals(401, api.get("me", second.getBearerAccessToken().getValue()).status());

        TokenResponse refused = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(), CLIENT,
                new RefreshTokenGrant(second.getRefreshToken()), null).toHTTPRequest().send());
        assertFalse(refused.indicatesSuccess());
        TokenErrorResponse error = refused.toErrorResponse();
        assertEquals(400, error.getErrorObject().getHTTPStatusCode());
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), error.getErrorObject().getCode());
    }

    private static Tokens token(URI endpoint, com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(endpoint, CLIENT, grant, null)
                .toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        return success.getTokens();
    }
}
