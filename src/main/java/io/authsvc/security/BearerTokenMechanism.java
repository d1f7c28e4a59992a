package io.authsvc.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the bearer token from the {@code Authorization} header to the identity stores and reports the outcome.
 * A missing or refused token leaves the call anonymous: open endpoints work, protected ones answer 401.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class.getName());
    private static final String STORE_FAILED = BearerTokenMechanism.class.getName() + ".storeFailed";
    private static final String PREFIX = "bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            return context.isProtected() ? unauthorized(response, context) : context.doNothing();
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new BearerTokenCredential(token));
        } catch (RuntimeException e) {
            // A store that cannot answer (its database is down) must not turn into "bad token".
            LOG.log(Level.WARNING, "identity store failed: {0}", e.toString());
            request.setAttribute(STORE_FAILED, Boolean.TRUE);
            return context.isProtected() ? context.responseUnauthorized() : context.doNothing();
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        return context.isProtected() ? unauthorized(response, context) : context.doNothing();
    }

    static boolean failedStore(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(STORE_FAILED));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Bearer");
        return context.responseUnauthorized();
    }

    /** The token of an {@code Authorization: Bearer ...} header, or null when there is none. */
    static String bearerToken(String header) {
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
