package io.authsvc.users.control;

import io.authsvc.accounts.control.NewAccount;
import io.authsvc.problems.InvalidInput;
import io.authsvc.startup.StartupOrder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code BOOTSTRAP_ADMIN_*}: creates the first admin at start-up when no admin exists and neither its email nor
 * its username is taken. Setting only some of the three, or values that break the input rules, stops the start.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "BOOTSTRAP_ADMIN_EMAIL")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "BOOTSTRAP_ADMIN_USERNAME")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "BOOTSTRAP_ADMIN_PASSWORD")
    Optional<String> password;

    @Inject
    Registration registration;

    /** True when all settings are given, false when none is; a partial set is a mistake that stops the start. */
    static boolean configured(Map<String, Optional<String>> settings) {
        List<String> missing = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (value.filter(text -> !text.isBlank()).isEmpty()) {
                missing.add(name);
            }
        });
        if (!missing.isEmpty() && missing.size() < settings.size()) {
            throw new IllegalStateException("The first admin needs all of " + String.join(", ", settings.keySet())
                    + "; missing: " + String.join(", ", missing));
        }
        return missing.isEmpty();
    }

    void onStart(@Observes @Priority(StartupOrder.FIRST_ADMIN) @Initialized(ApplicationScoped.class) Object event) {
        if (!configured(new TreeMap<>(Map.of("BOOTSTRAP_ADMIN_EMAIL", email,
                "BOOTSTRAP_ADMIN_USERNAME", username, "BOOTSTRAP_ADMIN_PASSWORD", password)))) {
            return;
        }
        // Settings are read without the spaces around them; the account's rules are registration's.
        NewAccount admin = new NewAccount(email.get().strip(), username.get().strip(), null, password.get(), null, null, null);
        try {
            registration.createFirstAdmin(admin, member -> "BOOTSTRAP_ADMIN_" + member.toUpperCase(Locale.ROOT))
                    .ifPresentOrElse(created -> LOG.info(() -> "created the first admin " + created.getUsername()
                                    + " (" + created.getId() + ")"),
                            () -> LOG.info("BOOTSTRAP_ADMIN_*: an admin exists or the email/username is taken;"
                                    + " nothing created"));
        } catch (InvalidInput invalid) {
            throw new IllegalStateException("The first admin's settings break the input rules: " + invalid.errors());
        }
    }
}
