package io.authsvc.accounts.control;

import java.util.Set;

/** A PUT's members after validation; null means "absent, leave as it is" (fullNameGiven tells null from absent). */
public record UserChanges(String email, String username, boolean fullNameGiven, String fullName, String passwordHash,
        Boolean active, Boolean emailVerified, Set<String> roles) {
}
