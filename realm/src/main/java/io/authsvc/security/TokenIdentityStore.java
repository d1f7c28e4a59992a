package io.authsvc.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns a valid bearer token into a caller whose groups are the token's {@code groups}; no database. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    RealmSettings settings;

    @Inject
    Instance<VerificationKeys> ownKeys;

    @Inject
    Event<TokenRejected> rejections;

    TokenVerifier verifier;

    @PostConstruct
    void init() {
        verifier = new TokenVerifier(settings,
                ownKeys.isResolvable() ? ownKeys.get().jwks() : java.util.Optional.empty());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (!bearer.isValid()) {
            rejections.fire(new TokenRejected(TokenRejected.TOO_LARGE));
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            JsonWebToken token = verifier.verify(bearer.token());
            return new CredentialValidationResult(new TokenPrincipal(token), token.getGroups());
        } catch (ParseException e) {
            // The reason is for the operator; the token itself is never logged.
            LOG.log(Level.FINE, "token refused: {0}", e.getMessage());
            rejections.fire(new TokenRejected(expired(e) ? TokenRejected.EXPIRED : TokenRejected.INVALID));
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    private static boolean expired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.jose4j.jwt.consumer.InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
