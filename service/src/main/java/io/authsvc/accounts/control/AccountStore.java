package io.authsvc.accounts.control;

import io.authsvc.credentials.control.AccountDeactivated;
import io.authsvc.credentials.control.BadCredentials;
import io.authsvc.credentials.control.EmailNotVerified;
import io.authsvc.recovery.control.RevertStore;
import io.authsvc.database.DatabaseFailures;
import io.authsvc.database.Retried;
import io.authsvc.callers.cache.AccountCache;
import io.authsvc.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The account use cases, one transaction each. Passwords arrive already hashed: bcrypt never holds a connection. */
@ApplicationScoped
@Retried
@Transactional
public class AccountStore {

    /** Serializes the changes that could leave no active admin, and the bootstrap admin's creation. */
    private static final long ADMIN_LOCK = 0x61757468_61646d6eL;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    /** Told of each change to an existing account, so that this instance's next call sees it at once. */
    @Inject
    AccountCache cache;

    /** Every use case below that changes an account locks its row first (README, Security: the account row). */
    @Inject
    AccountRows rows;

    @Inject
    RevertStore reverts;

    /**
     * A new account as {@code account} says (its password given as {@code passwordHash}); {@code created} runs in
     * the same transaction, once the account is stored (its verification mail).
     */
    public User register(NewAccount account, String passwordHash, Consumer<User> created) {
        ensureFree(null, account.email(), account.username());
        User user = new User(account.email(), account.username(), account.fullName(), passwordHash);
        user.setRoles(account.roles());
        user.setActive(account.active());
        user.setEmailVerified(account.emailVerified());
        em.persist(user);
        flush();
        created.accept(user);
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The account a login names, by username (any case) or email. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findForLogin(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL, so no account is named so; asking would be an error, not a no.
            return Optional.empty();
        }
        return em.createNamedQuery(User.BY_LOGIN, User.class)
                .setParameter("identifier", identifier.strip())
                .getResultStream()
                .findFirst();
    }

    /**
     * Records a login whose password was checked against {@code checkedHash}, outside this transaction: under the
     * row's lock the account must still have that hash, be active and, when {@code verifiedRequired}, have a
     * verified address, or the login fails as if the change had come first.
     */
    public User recordLogin(UUID id, String checkedHash, String rehashed, boolean verifiedRequired) {
        User user = rows.lockExisting(id);
        if (!user.getPasswordHash().equals(checkedHash)) {
            throw new BadCredentials();
        }
        if (!user.isActive()) {
            throw new AccountDeactivated();
        }
        if (verifiedRequired && !user.isEmailVerified()) {
            throw new EmailNotVerified(false);
        }
        cache.changed(id);
        user.recordLogin();
        if (rehashed != null) {
            user.setPasswordHash(rehashed);
        }
        return user;
    }

    /** What a change may need to know of the account as it was before: where its notices go, and what changed. */
    public record Before(String email, boolean emailVerified, String passwordHash) {
    }

    /** Changes account {@code id}; {@code changed} runs in the same transaction once it is stored (its mails). */
    public User update(UUID id, UserChanges changes, BiConsumer<User, Before> changed) {
        User user = rows.lockExisting(id);
        cache.changed(id);
        boolean wasActiveAdmin = user.isActive() && user.isAdmin();
        if (changes.email() != null || changes.username() != null) {
            ensureFree(id, changes.email() == null ? user.getEmail() : changes.email(),
                    changes.username() == null ? user.getUsername() : changes.username());
        }
        Before before = new Before(user.getEmail(), user.isEmailVerified(), user.getPasswordHash());
        if (changes.email() != null) {
            user.setEmail(changes.email());
        }
        if (changes.emailVerified() != null) {
            user.setEmailVerified(changes.emailVerified());
        }
        if (changes.username() != null) {
            user.setUsername(changes.username());
        }
        if (changes.fullNameGiven()) {
            user.setFullName(changes.fullName());
        }
        if (changes.passwordHash() != null) {
            user.setPasswordHash(changes.passwordHash());
            user.revokeTokens();
        }
        if (changes.active() != null) {
            user.setActive(changes.active());
        }
        if (changes.roles() != null) {
            user.setRoles(changes.roles());
        }
        if (wasActiveAdmin && !(user.isActive() && user.isAdmin())) {
            ensureAnotherActiveAdmin(id, "the change would leave no active admin");
        }
        user.touch();
        flush();
        changed.accept(user, before);
        return user;
    }

    public void delete(UUID id) {
        User user = rows.lockExisting(id);
        if (user.isActive() && user.isAdmin()) {
            ensureAnotherActiveAdmin(id, "the last active admin cannot be deleted");
        }
        cache.changed(id);
        em.remove(user);
        flush();
    }

    /** Ends every token the user holds now. */
    public void revokeTokens(UUID id) {
        User user = rows.lockExisting(id);
        cache.changed(id);
        user.revokeTokens();
    }

    /** All three counts from the row that triggers keep up to date, instead of counting every account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT total, active FROM user_counts").getSingleResult();
        long total = ((Number) row[0]).longValue();
        long active = ((Number) row[1]).longValue();
        return new Stats(total, active, total - active);
    }

    /**
     * Creates the first admin unless an admin exists or the email or username is taken; instances starting
     * together take turns on a database lock, so only one creates it.
     */
    public Optional<User> createFirstAdmin(String email, String username, String passwordHash) {
        lockAdmins();
        if (em.createNamedQuery(User.ADMIN_EXISTS, Long.class).getSingleResult() > 0) {
            return Optional.empty();
        }
        if (!em.createNamedQuery(User.TAKEN, User.class)
                .setParameter("id", new UUID(0, 0))
                .setParameter("email", email)
                .setParameter("username", username)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        // The operator wrote its address into the settings: there is nothing to verify.
        return Optional.of(register(new NewAccount(email, username, null, null, Set.of(User.ROLE_USER, User.ROLE_ADMIN),
                true, true), passwordHash, created -> { }));
    }

    private void ensureAnotherActiveAdmin(UUID id, String detail) {
        lockAdmins();
        long others = em.createNamedQuery(User.ACTIVE_ADMINS_EXCEPT, Long.class).setParameter("id", id).getSingleResult();
        if (others == 0) {
            throw new LastActiveAdmin(detail);
        }
    }

    private void lockAdmins() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ADMIN_LOCK).getSingleResult();
    }

    private void ensureFree(UUID id, String email, String username) {
        List<User> holders = em.createNamedQuery(User.TAKEN, User.class)
                .setParameter("id", id == null ? new UUID(0, 0) : id)
                .setParameter("email", email)
                .setParameter("username", username)
                .getResultList();
        for (User holder : holders) {
            if (holder.getEmail().equalsIgnoreCase(email)) {
                throw new EmailTaken();
            }
            throw new UsernameTaken();
        }
        // The old address of an account whose change can still be undone stays that account's.
        if (reverts.reserved(id, email)) {
            throw new EmailTaken();
        }
    }

    /** Unique keys are checked now, inside the transaction, so that a race loser gets 409 and not a failed commit. */
    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String key = DatabaseFailures.uniqueViolation(e).orElse("");
            if (User.EMAIL_KEYS.contains(key)) {
                throw new EmailTaken();
            }
            if (User.USERNAME_KEYS.contains(key)) {
                throw new UsernameTaken();
            }
            throw e;
        }
    }
}
