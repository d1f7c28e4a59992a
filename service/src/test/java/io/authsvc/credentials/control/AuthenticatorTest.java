package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import io.authsvc.audit.Origin;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each outcome of a login, with hand-made doubles around a real hasher at bcrypt's lowest cost. */
class AuthenticatorTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Origin ORIGIN = new Origin("192.0.2.1", "request-1");
    private static final PasswordHasher REAL = new PasswordHasher(4);
    private static final String HASH = REAL.hash(PASSWORD);

    private final CountingHasher hasher = new CountingHasher();
    private final Accounts accounts = new Accounts();
    private final RecordedLogins logins = new RecordedLogins();
    private final ToldThrottle throttle = new ToldThrottle();
    private final Journal journal = new Journal();
    private final Gate gate = new Gate();
    private final Authenticator authenticator = new Authenticator();

    AuthenticatorTest() {
        authenticator.accounts = accounts;
        authenticator.logins = logins;
        authenticator.hasher = hasher;
        authenticator.throttle = throttle;
        authenticator.journal = journal;
        authenticator.addresses = gate;
    }

    @Test
    void grantsTheRightPasswordAndJournalsItWithItsAttempt() {
        User user = accounts.add("ada");
        LoginOutcome outcome = authenticator.authenticate("ada", PASSWORD, ORIGIN);
        assertEquals(new LoginOutcome.Granted(user), outcome);
        assertEquals(List.of(user.getId()), logins.recorded);
        assertEquals(List.of(outcome), journal.outcomes);
        assertSame(throttle.begun.get(0), journal.attempts.get(0), "journaled with the counted attempt");
        assertSame(ORIGIN, journal.origins.get(0));
        assertEquals(1, hasher.verifies);
        assertEquals(0, hasher.nothings);
        assertEquals(List.of(), throttle.told, "settled by the journal, not here");
    }

    @Test
    void anUnknownAccountDoesTheWorkOfAWrongPasswordAndGetsTheSameAnswer() {
        accounts.add("ada");
        LoginOutcome unknown = authenticator.authenticate("nobody", PASSWORD, ORIGIN);
        assertEquals(new LoginOutcome.BadCredentials(null), unknown);
        assertEquals(1, hasher.nothings, "one verification's work against the dummy hash");
        assertEquals(List.of(Optional.empty()), throttle.accounts, "counted under the identifier");
        assertEquals(List.of(unknown), journal.outcomes);
        assertEquals(1, journal.attempts.size());
        assertEquals(List.of(), logins.recorded);
        assertEquals(List.of(), throttle.told);
    }

    @Test
    void aWrongPasswordIsBadCredentialsOnTheAccount() {
        User user = accounts.add("ada");
        LoginOutcome outcome = authenticator.authenticate("ada", PASSWORD + "!", ORIGIN);
        assertEquals(new LoginOutcome.BadCredentials(user.getId()), outcome);
        assertEquals(1, hasher.verifies);
        assertEquals(List.of(Optional.of(user.getId())), throttle.accounts);
        assertEquals(List.of(outcome), journal.outcomes);
        assertEquals(List.of(), logins.recorded, "nothing recorded on the account");
    }

    @Test
    void theRightPasswordOfADeactivatedAccountIsDeactivated() {
        User user = accounts.add("ada");
        user.setActive(false);
        LoginOutcome outcome = authenticator.authenticate("ada", PASSWORD, ORIGIN);
        assertEquals(new LoginOutcome.Deactivated(user.getId()), outcome);
        assertEquals(List.of(outcome), journal.outcomes);
        assertEquals(List.of(), logins.recorded);
    }

    @Test
    void anUnverifiedAddressIsRefusedWithAReminderWhenOneIsOnItsWay() {
        User user = accounts.add("ada");
        gate.required = true;
        gate.reminds = true;
        assertEquals(new LoginOutcome.Unverified(user.getId(), true),
                authenticator.authenticate("ada", PASSWORD, ORIGIN));
        gate.reminds = false;
        assertEquals(new LoginOutcome.Unverified(user.getId(), false),
                authenticator.authenticate("ada", PASSWORD, ORIGIN));
        assertEquals(List.of(user.getId(), user.getId()), gate.reminded);
        assertEquals(2, journal.outcomes.size());
        assertEquals(List.of(), logins.recorded);
    }

    @Test
    void aVerifiedAddressPassesTheGate() {
        User user = accounts.add("ada");
        user.setEmailVerified(true);
        gate.required = true;
        assertEquals(new LoginOutcome.Granted(user), authenticator.authenticate("ada", PASSWORD, ORIGIN));
        assertEquals(List.of(), gate.reminded);
    }

    @Test
    void aThrottledLoginDoesNoHashingAndIsJournaledUncounted() {
        User user = accounts.add("ada");
        throttle.refusal = new TooManyAttempts("Too many failed logins", 42);
        LoginOutcome outcome = authenticator.authenticate("ada", PASSWORD, ORIGIN);
        assertEquals(new LoginOutcome.Throttled(user.getId(), "Too many failed logins", 42), outcome);
        assertEquals(0, hasher.verifies + hasher.nothings, "no hashing done");
        assertEquals(List.of(outcome), journal.outcomes);
        assertNull(journal.attempts.get(0), "no attempt was counted");
        assertEquals(List.of(), logins.recorded);
    }

    @Test
    void aChangeThatCameWhileHashingRanWinsTheRace() {
        User user = accounts.add("ada");
        logins.answer = u -> new LoginOutcome.BadCredentials(u);
        assertEquals(new LoginOutcome.BadCredentials(user.getId()), authenticator.authenticate("ada", PASSWORD,
                ORIGIN));
        logins.answer = u -> new LoginOutcome.Deactivated(u);
        assertEquals(new LoginOutcome.Deactivated(user.getId()), authenticator.authenticate("ada", PASSWORD,
                ORIGIN));
        assertEquals(List.of(new LoginOutcome.BadCredentials(user.getId()),
                new LoginOutcome.Deactivated(user.getId())), journal.outcomes, "journaled as Logins answered");
    }

    @Test
    void busyHashingCountsNothingJournalsNothingAndPropagates() {
        accounts.add("ada");
        hasher.busy = true;
        assertThrows(HashingBusy.class, () -> authenticator.authenticate("ada", PASSWORD, ORIGIN));
        assertEquals(List.of("notCounted"), throttle.told);
        assertSame(throttle.begun.get(0), throttle.settled.get(0), "the attempt taken back");
        assertEquals(List.of(), journal.outcomes);
        assertEquals(List.of(), logins.recorded);
    }

    @Test
    void theRightCurrentPasswordPasses() {
        User user = accounts.add("ada");
        authenticator.checkCurrentPassword(user, PASSWORD, ORIGIN);
        assertEquals(List.of(new LoginOutcome.Granted(user)), journal.currentPasswords);
        assertEquals(List.of(), journal.outcomes, "no login");
    }

    @Test
    void aWrongCurrentPasswordIsCountedAndRefused() {
        User user = accounts.add("ada");
        assertThrows(WrongCurrentPassword.class, () -> authenticator.checkCurrentPassword(user, "guess", ORIGIN));
        assertEquals(List.of(new LoginOutcome.BadCredentials(user.getId())), journal.currentPasswords);
        assertSame(throttle.begun.get(0), journal.attempts.get(0));
    }

    @Test
    void aThrottledCurrentPasswordIsRefusedBeforeHashing() {
        User user = accounts.add("ada");
        TooManyAttempts refusal = new TooManyAttempts("Too many failed logins", 7);
        throttle.refusal = refusal;
        assertSame(refusal, assertThrows(TooManyAttempts.class,
                () -> authenticator.checkCurrentPassword(user, PASSWORD, ORIGIN)));
        assertEquals(0, hasher.verifies);
        assertEquals(List.of(new LoginOutcome.Throttled(user.getId(), "Too many failed logins", 7)),
                journal.currentPasswords);
        assertNull(journal.attempts.get(0));
    }

    @Test
    void busyHashingOfTheCurrentPasswordIsNotCounted() {
        User user = accounts.add("ada");
        hasher.busy = true;
        assertThrows(HashingBusy.class, () -> authenticator.checkCurrentPassword(user, PASSWORD, ORIGIN));
        assertEquals(List.of("notCounted"), throttle.told);
        assertEquals(List.of(), journal.currentPasswords);
    }

    /** The real hasher, counting its verifications; {@code busy} makes them refuse as a full queue does. */
    private static final class CountingHasher extends PasswordHasher {

        int verifies;
        int nothings;
        boolean busy;

        CountingHasher() {
            super(4);
        }

        @Override
        public boolean verify(String password, String hash) {
            if (busy) {
                throw new HashingBusy(3);
            }
            verifies++;
            return super.verify(password, hash);
        }

        @Override
        public void verifyNothing(String password) {
            nothings++;
            super.verifyNothing(password);
        }
    }

    /** Accounts by username, in memory. */
    private static final class Accounts extends AccountStore {

        private final List<User> users = new ArrayList<>();

        User add(String username) {
            User user = new User(username + "@example.org", username, username, HASH);
            users.add(user);
            return user;
        }

        @Override
        public Optional<User> findForLogin(String identifier) {
            return users.stream().filter(user -> user.getUsername().equals(identifier)).findFirst();
        }
    }

    /** Grants by default, or answers what the test says the row's lock found. */
    private final class RecordedLogins extends Logins {

        final List<UUID> recorded = new ArrayList<>();
        Function<UUID, LoginOutcome> answer;

        @Override
        public LoginOutcome record(UUID id, String checkedHash, String rehashed, boolean verifiedRequired) {
            assertEquals(HASH, checkedHash);
            assertNull(rehashed, "same scheme and cost: no rehash");
            if (answer != null) {
                return answer.apply(id);
            }
            recorded.add(id);
            return new LoginOutcome.Granted(AuthenticatorTest.this.accounts.users.stream()
                    .filter(user -> user.getId().equals(id)).findFirst().orElseThrow());
        }
    }

    /** What the throttle was asked and told. */
    private static final class ToldThrottle extends Throttle {

        final List<Optional<UUID>> accounts = new ArrayList<>();
        final List<LoginAttempt> begun = new ArrayList<>();
        final List<String> told = new ArrayList<>();
        final List<LoginAttempt> settled = new ArrayList<>();
        TooManyAttempts refusal;

        @Override
        public LoginAttempt beginLogin(Optional<UUID> account, String identifier, String address) {
            accounts.add(account);
            assertEquals(ORIGIN.address(), address);
            if (refusal != null) {
                throw refusal;
            }
            LoginAttempt attempt = new LoginAttempt(UUID.randomUUID(), identifier, address);
            begun.add(attempt);
            return attempt;
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
            told.add("succeeded");
            settled.add(attempt);
        }

        @Override
        public void loginNotCounted(LoginAttempt attempt) {
            told.add("notCounted");
            settled.add(attempt);
        }
    }

    /** What was journaled. */
    private static final class Journal extends LoginJournal {

        final List<LoginOutcome> outcomes = new ArrayList<>();
        final List<LoginOutcome> currentPasswords = new ArrayList<>();
        final List<Throttle.LoginAttempt> attempts = new ArrayList<>();
        final List<Origin> origins = new ArrayList<>();

        @Override
        public void record(LoginOutcome outcome, Throttle.LoginAttempt attempt, Origin origin) {
            outcomes.add(outcome);
            attempts.add(attempt);
            origins.add(origin);
        }

        @Override
        public void recordCurrentPassword(LoginOutcome outcome, Throttle.LoginAttempt attempt, Origin origin) {
            currentPasswords.add(outcome);
            attempts.add(attempt);
            origins.add(origin);
        }
    }

    /** REQUIRE_VERIFIED_EMAIL and the reminders, as the test sets them. */
    private static final class Gate implements AddressGate {

        boolean required;
        boolean reminds;
        final List<UUID> reminded = new ArrayList<>();

        @Override
        public boolean required() {
            return required;
        }

        @Override
        public boolean remind(UUID id) {
            reminded.add(id);
            return reminds;
        }
    }
}
