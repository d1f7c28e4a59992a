package io.authsvc.users.control;

import io.authsvc.problems.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The contract's password rules: long enough in code points, short enough for bcrypt, not the account's own name. */
@ApplicationScoped
public class PasswordPolicy {

    @Inject
    @ConfigProperty(name = "PASSWORD_MIN_LENGTH", defaultValue = "12")
    int minLength;

    protected PasswordPolicy() {
    }

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
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
        }
    }

    public int minLength() {
        return minLength;
    }
}
