package io.authsvc.credentials.control;

import io.authsvc.problems.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contract's password rules: long enough in code points, short enough for bcrypt, not the account's own
 * name, not on the list of the most common passwords. No composition rules (ASVS 2.1.9).
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final Logger LOG = Logger.getLogger(PasswordPolicy.class.getName());

    @Inject
    @ConfigProperty(name = "PASSWORD_MIN_LENGTH", defaultValue = "12")
    int minLength;

    private CommonPasswords common;

    protected PasswordPolicy() {
    }

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
        init();
    }

    @PostConstruct
    void init() {
        common = CommonPasswords.bundled();
    }

    /** Creating the bean at start-up reads the list then, not at the first registration. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.info(() -> "password rules: at least " + minLength + " characters, " + common.size()
                + " common passwords refused");
    }

    /** Adds to {@code errors} what is wrong with {@code password} for an account with this email and username. */
    public void check(String field, String password, String email, String username, InvalidInput.Collector errors) {
        if (password == null) {
            return;
        }
        int codePoints = password.codePointCount(0, password.length());
        if (codePoints < minLength) {
            errors.add(field, "must be at least " + minLength + " characters long");
        } else if (!PasswordHasher.fits(password)) {
            errors.add(field, "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8 (bcrypt's limit)");
        } else if (password.equalsIgnoreCase(username) || password.equalsIgnoreCase(email)) {
            errors.add(field, "must not be the username or the email");
        } else if (common.contains(password)) {
            errors.add(field, "is one of the most common passwords; choose another");
        }
    }
}
