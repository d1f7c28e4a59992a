package io.authsvc.users.control;

import io.authsvc.accounts.control.AccountNotFound;
import io.authsvc.accounts.entity.Account;
import java.util.UUID;
import java.util.regex.Pattern;

/** Which account a caller may name in a path: a user its own, an admin any (and learns 404 for ids not there). */
public final class AccountAccess {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AccountAccess() {
    }

    /**
     * @throws AccountNotFound to an admin, for text that is no account id
     * @throws NotOwnAccount to a user, for any account but its own
     */
    public static UUID target(String userId, Account caller) {
        UUID id = CANONICAL_UUID.matcher(userId).matches() ? UUID.fromString(userId) : null;
        if (caller.isAdmin()) {
            if (id == null) {
                throw new AccountNotFound();
            }
            return id;
        }
        if (id != null && caller.id().equals(id)) {
            return id;
        }
        throw new NotOwnAccount();
    }
}
