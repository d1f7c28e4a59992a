package io.authsvc.users.control;

import java.util.Set;

/**
 * The members a {@code PUT /auth/{id}} sent; null means "absent, leave as it is" ({@code fullNameGiven} tells a
 * null {@code full_name} from an absent one).
 */
public record RequestedChanges(String email, String username, boolean fullNameGiven, String fullName, String password,
        String currentPassword, Boolean active, Boolean emailVerified, Set<String> roles) {
}
