package io.authsvc.recovery.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings email verification refuses to start with. */
class EmailVerificationTest {

    @Test
    void refusesToRequireVerifiedAddressesWithoutMail() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmailVerification.check(48, true, Optional.of("SMTP_HOST")));
        assertEquals("REQUIRE_VERIFIED_EMAIL=true needs mail, but SMTP_HOST is not set: no new account could ever"
                + " log in", refused.getMessage());
        assertDoesNotThrow(() -> EmailVerification.check(48, false, Optional.of("SMTP_HOST")), "mail is optional");
        assertDoesNotThrow(() -> EmailVerification.check(48, true, Optional.empty()));
    }

    @Test
    void refusesALinkThatLastsNoHour() {
        assertThrows(IllegalStateException.class, () -> EmailVerification.check(0, false, Optional.empty()));
    }
}
