package io.authsvc.accounts.entity;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An account as a request reads it: what clients see, plus the token version the token check compares. A plain
 * value, read without the persistence context, and without the password hash; its roles in order.
 */
public record Account(UUID id, String email, String username, String fullName, boolean active, boolean emailVerified,
        Set<String> roles, Instant createdAt, Instant updatedAt, Instant lastLogin, int tokenVersion) {

    public Account {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }

    public boolean isAdmin() {
        return roles.contains(User.ROLE_ADMIN);
    }
}
