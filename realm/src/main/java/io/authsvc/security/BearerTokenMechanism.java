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
import java.io.IOException;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the bearer token from the {@code Authorization} header to the identity stores and reports the outcome.
 * A missing or refused token leaves the call anonymous: open endpoints work, protected ones answer 401.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenMechanism.class.getName());
    private static final String OUTCOME = BearerTokenMechanism.class.getName() + ".outcome";
    private static final String PREFIX = "bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // The first to see a request: its id is settled here, so that the token check's log lines name it too.
        RequestIds.settle(request);
        if (twoOrMore(request.getHeaders("Authorization"))) {
            // A proxy that reads the last of them would disagree with this check, which reads the first, about the caller.
            request.setAttribute(ProblemErrorServlet.DETAIL, "More than one Authorization header: send one");
            return fail(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        // isProtected() is true when a role check asks for a caller (Payara's @RolesAllowed filter does that).
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            return context.isProtected() ? unauthorized(response, context) : context.doNothing();
        }
        Object earlier = request.getAttribute(OUTCOME);
        if (earlier == null) {
            earlier = validate(token);
            request.setAttribute(OUTCOME, earlier);
        }
        if (earlier instanceof CredentialValidationResult valid) {
            return context.notifyContainerAboutLogin(valid);
        }
        if (!context.isProtected()) {
            // Open endpoints ignore a bad token, and a token that could not be checked, as the contract says.
            return context.doNothing();
        }
        if (earlier == Outcome.STORE_FAILED) {
            return fail(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        return unauthorized(response, context);
    }

    private static AuthenticationStatus fail(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean twoOrMore(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    /** The call is answered: its id is no longer current on this thread (a WAR without our filter relies on this). */
    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        RequestIds.clear();
        return AuthenticationStatus.SUCCESS;
    }

    /** A valid result, or why there is none; kept for the request, since a role check may ask again. */
    private Object validate(String token) {
        try {
            CredentialValidationResult result = identityStores.validate(new BearerTokenCredential(token));
            return result.getStatus() == CredentialValidationResult.Status.VALID ? result : Outcome.INVALID;
        } catch (RuntimeException e) {
            // A store that cannot answer (its database is down) must not turn into "bad token".
            LOG.log(Level.WARNING, "identity store failed: {0}", e.toString());
            return Outcome.STORE_FAILED;
        }
    }

    private enum Outcome { INVALID, STORE_FAILED }

    /**
     * True when this request's token could not be checked because the identity store failed (its database is
     * down). Where the container does not ask for a caller on a role check (WildFly), the role check refuses the
     * anonymous call and the error mapper asks this, to answer 503 as Payara does.
     */
    public static boolean storeFailed(HttpServletRequest request) {
        return request != null && request.getAttribute(OUTCOME) == Outcome.STORE_FAILED;
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
