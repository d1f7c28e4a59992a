package io.authsvc.accounts.control;

import io.authsvc.accounts.entity.User;
import io.authsvc.database.DatabaseFailures;
import io.authsvc.database.Retried;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

/**
 * The one store of the {@code users} and {@code user_roles} tables: every write of an account goes through here, and
 * each one announces {@link AccountChanged} (the account cache observes it). Its own use cases are one transaction
 * each; the {@code MANDATORY} methods write in a transaction that another feature's store runs (a reset, a
 * verification, a revert), after it took the row with {@link #lock}. Passwords arrive already hashed: bcrypt never
 * holds a connection.
 * <p>
 * Every use case that changes an account takes its row with {@link #lock} first, before any other row of the account
 * (its tokens, its sessions), so that all of them take their locks in one order and each one reads what it depends on
 * (the address, the token version, whether the account is active) as it is while it holds the lock, not as it was
 * before. {@code FOR NO KEY UPDATE}: it waits for the others that change the row, and lets rows that merely refer to
 * it (a new session, a mail token) be inserted meanwhile.
 */
@ApplicationScoped
@Retried
@Transactional
public class AccountStore {

    /** Serializes the changes that could leave no active admin, and the bootstrap admin's creation. */
    private static final long ADMIN_LOCK = 0x61757468_61646d6eL;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    /** Fired at each change to an existing account, so that this instance's next call sees it at once. */
    @Inject
    Event<AccountChanged> changes;

    /** The addresses that another feature keeps for their old owner (an address change that can be undone). */
    @Inject
    AddressReservations reservations;

    /**
     * The account, locked until the transaction ends, as the database holds it now; empty when there is none. The
     * first read of the account in its transaction: an entity read before the lock could be older than the row (the
     * persistence context would hand out that one), so the use cases read nothing of the account before this.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<User> lock(UUID id) {
        if (em.createNativeQuery("SELECT 1 FROM users WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, id)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The same, for a use case that cannot go on without the account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User lockExisting(UUID id) {
        return lock(id).orElseThrow(AccountNotFound::new);
    }

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

    /** A login of the {@link #lock locked} account, and its password's new hash when {@code rehashed} is not null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordLogin(User user, String rehashed) {
        changed(user);
        user.recordLogin();
        if (rehashed != null) {
            user.setPasswordHash(rehashed);
        }
    }

    /** A new password for the {@link #lock locked} account: every token it holds ends (and every reset link). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setPassword(User user, String passwordHash) {
        changed(user);
        user.setPasswordHash(passwordHash);
        user.revokeTokens();
        user.touch();
    }

    /** The {@link #lock locked} account's address is its owner's: a verification link to it was opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markVerified(User user) {
        changed(user);
        user.setEmailVerified(true);
        user.touch();
    }

    /**
     * The {@link #lock locked} account gets {@code email} back, verified (a link sent to it was opened), and every
     * token it holds ends.
     *
     * @throws EmailTaken when another account has the address meanwhile (only an admin can have given it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreEmail(User user, String email) {
        if (!em.createNamedQuery(User.TAKEN, User.class).setParameter("id", user.getId())
                .setParameter("email", email).setParameter("username", "").getResultList().isEmpty()) {
            throw new EmailTaken();
        }
        changed(user);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.revokeTokens();
        user.touch();
        em.flush();
    }

    /** What a change may need to know of the account as it was before: where its notices go, and what changed. */
    public record Before(String email, boolean emailVerified, String passwordHash) {
    }

    /** Changes account {@code id}; {@code changed} runs in the same transaction once it is stored (its mails). */
    public User update(UUID id, UserChanges changes, BiConsumer<User, Before> changed) {
        User user = lockExisting(id);
        changed(user);
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
        User user = lockExisting(id);
        if (user.isActive() && user.isAdmin()) {
            ensureAnotherActiveAdmin(id, "the last active admin cannot be deleted");
        }
        changed(user);
        em.remove(user);
        flush();
    }

    /** Ends every token the user holds now. */
    public void revokeTokens(UUID id) {
        User user = lockExisting(id);
        changed(user);
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
        if (reservations.reserved(id, email)) {
            throw new EmailTaken();
        }
    }

    private void changed(User user) {
        changes.fire(new AccountChanged(user.getId()));
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
