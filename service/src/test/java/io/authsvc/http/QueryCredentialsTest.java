package io.authsvc.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QueryCredentialsTest {

    @Test
    void findsACredentialByNameInAnySpelling() {
        assertEquals("password", QueryCredentials.credentialIn("password=x"));
        assertEquals("password", QueryCredentials.credentialIn("a=1&PassWord=x"));
        assertEquals("password", QueryCredentials.credentialIn("a=1;pass%77ord=x"));
        assertEquals("password", QueryCredentials.credentialIn("%70%61%73%73%77%6F%72%64=x"));
        assertEquals("refresh_token", QueryCredentials.credentialIn("x&refresh_token"));
        assertEquals("access_token", QueryCredentials.credentialIn("access_token="));
        assertEquals("client_secret", QueryCredentials.credentialIn("client+secret=x".replace('+', '_')));
        assertEquals("code_verifier", QueryCredentials.credentialIn("state=1&code_verifier=abc"));
        assertEquals("id_token", QueryCredentials.credentialIn("id_token=eyJ"));
    }

    @Test
    void passesEverythingElse() {
        assertNull(QueryCredentials.credentialIn(null));
        assertNull(QueryCredentials.credentialIn(""));
        assertNull(QueryCredentials.credentialIn("q=password&limit=10"));
        assertNull(QueryCredentials.credentialIn("tokens=2&codex&passwordless=1"));
        // What OAuth 2.0 and OpenID Connect send in a query themselves: a redirect's code, a logout's hint.
        assertNull(QueryCredentials.credentialIn("code=abc&state=1"));
        assertNull(QueryCredentials.credentialIn("id_token_hint=eyJ&post_logout_redirect_uri=x"));
        assertNull(QueryCredentials.credentialIn("&&;;=="));
        assertNull(QueryCredentials.credentialIn("pass%zzword=1&%=2&%7=3"));
        assertNull(QueryCredentials.credentialIn("x=" + "password".repeat(20)));
    }
}
