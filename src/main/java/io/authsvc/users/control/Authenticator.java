package io.authsvc.users.control;

import io.authsvc.problems.ProblemException;
import io.authsvc.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks a login outside any transaction (bcrypt takes a quarter second and must not hold a connection),
 * then records it. Unknown accounts and wrong passwords get the same answer after the same work.
 */
@ApplicationScoped
public class Authenticator {

    public static final String BAD_CREDENTIALS = "Incorrect username or password";

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    public User authenticate(String identifier, String password) {
        Optional<User> account = users.findForLogin(identifier);
        if (account.isEmpty()) {
            hasher.verifyNothing(password);
            throw unauthorized();
        }
        User user = account.get();
        if (!hasher.verify(password, user.getPasswordHash())) {
            throw unauthorized();
        }
        if (!user.isActive()) {
            throw ProblemException.forbidden("This account is deactivated");
        }
        return users.recordLogin(user.getId(), null);
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, BAD_CREDENTIALS);
    }
}
