package io.authsvc.accounts.control;

import java.util.Set;

/**
 * An account as it is asked for; a member that was not given is null. {@code roles}, {@code active} and
 * {@code emailVerified} count only when an admin provisions the account.
 */
public record NewAccount(String email, String username, String fullName, String password, Set<String> roles,
        Boolean active, Boolean emailVerified) {
}
