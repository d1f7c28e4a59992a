package io.authsvc.tokens;

import io.authsvc.security.RealmSettings;
import io.authsvc.startup.StartupOrder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs access tokens with the contract's claims, plus {@code ver}, the user's token version, and {@code sid}. */
@ApplicationScoped
public class TokenIssuer {

    public static final String VERSION_CLAIM = "ver";
    /** The session the token belongs to (OpenID Connect's name for it); absent on a token of no session. */
    public static final String SESSION_CLAIM = "sid";
    private static final Logger LOG = Logger.getLogger(TokenIssuer.class.getName());

    @Inject
    RealmSettings settings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "30")
    long expireMinutes;

    private SecretKey key;

    protected TokenIssuer() {
    }

    public TokenIssuer(RealmSettings settings, SigningKeys signingKeys, long expireMinutes) {
        this.settings = settings;
        this.signingKeys = signingKeys;
        this.expireMinutes = expireMinutes;
        init();
    }

    /** Fails the deployment when the key is missing or weak, with a message that names the setting. */
    @PostConstruct
    void init() {
        if (expireMinutes < 1) {
            throw new IllegalStateException("ACCESS_TOKEN_EXPIRE_MINUTES must be at least 1, not " + expireMinutes);
        }
        if (!settings.isRs256()) {
            key = settings.hmacKey();
        }
    }

    /** Creating the bean at start-up checks the key then, not at the first login. */
    void onStart(@Observes @Priority(StartupOrder.SIGNING_KEYS) @Initialized(ApplicationScoped.class) Object event) {
        LOG.info(() -> "tokens: " + settings.algorithm() + ", issuer " + settings.issuer() + ", " + expireMinutes + " min");
    }

    public Token issue(UUID subject, String username, Set<String> roles, int tokenVersion) {
        return issue(subject, username, roles, tokenVersion, null);
    }

    /** @param session the session's id for {@code sid}, or null for a token of no session */
    public Token issue(UUID subject, String username, Set<String> roles, int tokenVersion, UUID session) {
        Instant now = Instant.now();
        long lifetime = expireMinutes * 60;
        JwtClaimsBuilder claims = Jwt.issuer(settings.issuer())
                .subject(subject.toString())
                .upn(username)
                .groups(roles)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .claim(VERSION_CLAIM, tokenVersion);
        if (session != null) {
            claims.claim(SESSION_CLAIM, session.toString());
        }
        settings.audience().ifPresent(claims::audience);
        String jwt = signingKeys.isRs256()
                ? claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(signingKeys.keyId()).sign(signingKeys.privateKey())
                : claims.jws().algorithm(SignatureAlgorithm.HS256).sign(key);
        return new Token(jwt, "bearer", lifetime, null);
    }
}
