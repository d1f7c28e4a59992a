package io.authsvc.throttling;

import io.authsvc.web.address.IpAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contract's login throttling, and registration throttling per address. A login attempt is counted before
 * its password is checked (so parallel guesses cannot slip past the count) and taken back when it succeeds;
 * a refused attempt does no bcrypt work at all.
 */
@ApplicationScoped
public class Throttle {

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ADDRESS", defaultValue = "100")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "LOGIN_WINDOW_SECONDS", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "REGISTER_MAX_PER_ADDRESS", defaultValue = "20")
    int maxRegistrationsPerAddress;

    @Inject
    @ConfigProperty(name = "PROFILE_CHANGES_PER_HOUR", defaultValue = "10")
    int maxProfileChangesPerHour;

    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_MAX_PER_HOUR", defaultValue = "3")
    int maxResetsPerAddressee;

    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_MAX_PER_ADDRESS", defaultValue = "20")
    int maxResetsPerClient;

    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_MAX_MAILS_PER_HOUR", defaultValue = "20")
    int maxResetMailsPerAddressee;

    @Inject
    @ConfigProperty(name = "EMAIL_VERIFY_MAX_PER_HOUR", defaultValue = "3")
    int maxVerificationMails;

    @Inject
    ThrottleStore store;

    /** One login attempt's keys, to settle the attempt once the password has been checked. */
    public record LoginAttempt(UUID id, String identifierKey, String addressKey) {
    }

    /** A counted registration, until {@link #registrationNotCounted} takes it back. */
    public record RegistrationAttempt(UUID id, String addressKey) {
    }

    @PostConstruct
    void init() {
        atLeastOne("LOGIN_MAX_FAILURES", maxFailures);
        atLeastOne("LOGIN_MAX_FAILURES_PER_ADDRESS", maxFailuresPerAddress);
        atLeastOne("LOGIN_WINDOW_SECONDS", windowSeconds);
        atLeastOne("REGISTER_MAX_PER_ADDRESS", maxRegistrationsPerAddress);
        atLeastOne("PROFILE_CHANGES_PER_HOUR", maxProfileChangesPerHour);
        atLeastOne("PASSWORD_RESET_MAX_PER_HOUR", maxResetsPerAddressee);
        atLeastOne("PASSWORD_RESET_MAX_PER_ADDRESS", maxResetsPerClient);
        atLeastOne("PASSWORD_RESET_MAX_MAILS_PER_HOUR", maxResetMailsPerAddressee);
        atLeastOne("EMAIL_VERIFY_MAX_PER_HOUR", maxVerificationMails);
    }

    private static void atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, not " + value);
        }
    }

    /**
     * Counts a login attempt naming {@code account} (when one matched) or {@code identifier}, from
     * {@code address}, as a failure until {@link #loginSucceeded} or {@link #loginNotCounted} says otherwise.
     *
     * @throws TooManyAttempts when the identifier or the address has used up its failures in the window
     */
    public LoginAttempt beginLogin(Optional<UUID> account, String identifier, String address) {
        LoginAttempt attempt = new LoginAttempt(UUID.randomUUID(), identifierKey(account, identifier),
                addressKey("ip:", address));
        store.reserve(attempt.id(), List.of(new Limit(attempt.identifierKey(), maxFailures),
                new Limit(attempt.addressKey(), maxFailuresPerAddress)), window())
                .ifPresent(seconds -> {
                    throw new TooManyAttempts("Too many failed logins; try again in " + seconds + " s", seconds);
                });
        return attempt;
    }

    /** A good login: clears the account's failures, and this attempt's count against its address. */
    public void loginSucceeded(LoginAttempt attempt) {
        store.clear(attempt.identifierKey());
        store.release(attempt.id(), attempt.addressKey());
    }

    /** An attempt that was no guess (the right password of a deactivated account): counted nowhere. */
    public void loginNotCounted(LoginAttempt attempt) {
        store.release(attempt.id(), attempt.identifierKey());
        store.release(attempt.id(), attempt.addressKey());
    }

    /** Counts a registration from {@code address}; each one costs a bcrypt hash. */
    public RegistrationAttempt beginRegistration(String address) {
        RegistrationAttempt attempt = new RegistrationAttempt(UUID.randomUUID(), addressKey("register-ip:", address));
        store.reserve(attempt.id(), List.of(new Limit(attempt.addressKey(), maxRegistrationsPerAddress)), window())
                .ifPresent(seconds -> {
                    throw new TooManyAttempts("Too many registrations from this address; try again in "
                            + seconds + " s", seconds);
                });
        return attempt;
    }

    /** A registration that cost no hash (no hashing thread was free): counted nowhere. */
    public void registrationNotCounted(RegistrationAttempt attempt) {
        store.release(attempt.id(), attempt.addressKey());
    }

    /**
     * Counts one attempt of a user to change its own email or username, whatever its outcome: a 409 says that the
     * address or name belongs to someone, so these attempts get a budget as registrations do.
     *
     * @throws TooManyAttempts when the account has used up {@code PROFILE_CHANGES_PER_HOUR}
     */
    public void beginProfileChange(UUID account) {
        store.reserve(UUID.randomUUID(), List.of(new Limit("profile:" + account, maxProfileChangesPerHour)),
                Duration.ofHours(1)).ifPresent(seconds -> {
                    throw new TooManyAttempts("Too many changes of email or username; try again in " + seconds + " s",
                            seconds);
                });
    }

    /**
     * Counts a password-reset request for the mail address {@code email} (whether an account has it or not, so that
     * a 429 tells nothing about accounts) from the client {@code address}, per rolling hour: the owner's budget for
     * an address is counted per client ({@code PASSWORD_RESET_MAX_PER_HOUR}), so that another client's requests
     * cannot spend it; each client has {@code PASSWORD_RESET_MAX_PER_ADDRESS} in all, and the mails to one address
     * from all clients together stop at {@code PASSWORD_RESET_MAX_MAILS_PER_HOUR}, which bounds a mailbox flood
     * and takes that many requests from several clients to reach.
     *
     * @throws TooManyAttempts past any of the three
     */
    public void beginPasswordReset(String email, String address) {
        String addressee = identifierKey(Optional.empty(), "reset:" + email);
        String client = addressKey("reset-ip:", address);
        store.reserve(UUID.randomUUID(), List.of(new Limit(addressee + "@" + client, maxResetsPerAddressee),
                new Limit(client, maxResetsPerClient), new Limit(addressee, maxResetMailsPerAddressee)),
                Duration.ofHours(1)).ifPresent(seconds -> {
                    throw new TooManyAttempts("Too many password resets asked; try again in " + seconds + " s",
                            seconds);
                });
    }

    /**
     * Counts a verification mail asked again for {@code account} (by {@code POST /auth/verify-email}, or by a login
     * refused for the unverified address), per rolling hour; the mails of a registration or an email change are not.
     *
     * @throws TooManyAttempts past {@code EMAIL_VERIFY_MAX_PER_HOUR}
     */
    public void beginVerificationMail(UUID account) {
        store.reserve(UUID.randomUUID(), List.of(new Limit("verify:" + account, maxVerificationMails)),
                Duration.ofHours(1)).ifPresent(seconds -> {
                    throw new TooManyAttempts("Too many verification mails asked; try again in " + seconds + " s",
                            seconds);
                });
    }

    Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    /**
     * {@code id:<uuid>} for an account, so that its username and email count as one; otherwise
     * {@code name:} and the SHA-256 of the trimmed, lower-cased identifier, so that the table holds no typed
     * text (a password typed into the username field, say) and its keys stay short whatever was sent.
     */
    static String identifierKey(Optional<UUID> account, String identifier) {
        return account.map(id -> "id:" + id)
                .orElseGet(() -> "name:" + sha256(identifier.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * An IPv4 address counts by itself; an IPv6 address by its /64, the block that one subscriber usually
     * gets whole (counting single IPv6 addresses would give one client 2^64 fresh counts).
     */
    static String addressKey(String prefix, String address) {
        return prefix + IpAddress.parse(address).map(ip -> ip.isV6() ? ip.prefix(64) : ip.toString()).orElse(address);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
