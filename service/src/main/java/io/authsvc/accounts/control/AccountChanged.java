package io.authsvc.accounts.control;

import java.util.UUID;

/**
 * This instance changed account {@code id}: its row, its roles or its sessions. Fired, synchronously and in the
 * changing transaction, by the one store of each of those tables ({@link AccountStore}, the sessions' store); the
 * account cache observes it and forgets the account at once and again when the transaction ends, so that the
 * caller's next request on this instance sees the change before the database's notification arrives.
 */
public record AccountChanged(UUID id) {
}
