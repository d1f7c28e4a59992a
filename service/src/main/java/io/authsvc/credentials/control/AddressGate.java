package io.authsvc.credentials.control;

import java.util.UUID;

/**
 * Whether a login needs a verified address ({@code REQUIRE_VERIFIED_EMAIL}), and the reminder an unverified owner
 * gets: offered by the feature that verifies addresses (recovery), so that authentication needs nothing of it.
 */
public interface AddressGate {

    /** True when only an account with a verified address may sign in. */
    boolean required();

    /** A new verification mail for account {@code id}, within its hourly limit; true when one is on its way. */
    boolean remind(UUID id);
}
