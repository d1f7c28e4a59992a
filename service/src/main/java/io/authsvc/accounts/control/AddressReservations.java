package io.authsvc.accounts.control;

import java.util.UUID;

/**
 * Addresses held for an account that does not have them now: after an address change, the old address stays its
 * owner's while the link that undoes the change is live (the recovery feature keeps those links). The account store
 * refuses such an address to every other account.
 */
public interface AddressReservations {

    /** Whether {@code email} is held for another account than {@code id} (null {@code id}: for any account). */
    boolean reserved(UUID id, String email);
}
