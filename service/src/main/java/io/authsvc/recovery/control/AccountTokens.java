package io.authsvc.recovery.control;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The single-use tokens that mails carry ({@code account_tokens}), in the caller's transaction: only a token's
 * SHA-256 is stored, with its purpose, its account, the address it was sent to and its end. A newer verification
 * token supersedes the older; reset tokens of several requests live side by side, and spending one spends them all.
 * Whatever changes the account's address, token version or activity ends its reset tokens (V9__account_row.sql).
 * The callers hold the account's row lock ({@link AccountStore#lock}) before they write here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountTokens {

    /** What a token is for, as the table's CHECK names it, and how a refusal of it reads. */
    public enum Purpose {
        PASSWORD_RESET("password_reset", "The reset token is invalid, used or expired"),
        EMAIL_VERIFICATION("email_verification", "The verification token is invalid, used or expired");

        final String column;
        final String refusal;

        Purpose(String column, String refusal) {
            this.column = column;
            this.refusal = refusal;
        }
    }

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    /** The account's token for {@code purpose} from now on, for its address as it is now, good for {@code validity}. */
    public void issue(User user, Purpose purpose, byte[] tokenHash, Duration validity) {
        em.createNativeQuery("DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2")
                .setParameter(1, user.getId()).setParameter(2, purpose.column).executeUpdate();
        add(user, purpose, tokenHash, validity);
    }

    /** The account's token for {@code purpose}, beside the others it has, for its address as it is now. */
    public void add(User user, Purpose purpose, byte[] tokenHash, Duration validity) {
        em.createNativeQuery("INSERT INTO account_tokens (token_hash, user_id, purpose, email, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))")
                .setParameter(1, tokenHash).setParameter(2, user.getId()).setParameter(3, purpose.column)
                .setParameter(4, user.getEmail()).setParameter(5, validity.toSeconds()).executeUpdate();
    }

    /** The account a token of this hash names, live or not, without reading the account (so that it can be locked). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> owner(byte[] tokenHash, Purpose purpose) {
        List<?> ids = em.createNativeQuery("SELECT user_id FROM account_tokens WHERE token_hash = ?1 AND purpose = ?2")
                .setParameter(1, tokenHash).setParameter(2, purpose.column).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of((UUID) ids.getFirst());
    }

    /** The active account a live token of this hash names, while the account still has the token's address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> holder(byte[] tokenHash, Purpose purpose) {
        List<?> ids = em.createNativeQuery("SELECT t.user_id FROM account_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE t.token_hash = ?1 AND t.purpose = ?2 AND t.expires_at > now() AND u.email = t.email"
                + " AND u.is_active")
                .setParameter(1, tokenHash).setParameter(2, purpose.column).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.ofNullable(em.find(User.class, ids.getFirst()));
    }

    /**
     * Spends the token of {@code userId} sent to {@code email}: of two racing calls one deletes the row and gets
     * true. The account's other tokens of the purpose go with it.
     */
    public boolean spend(byte[] tokenHash, Purpose purpose, UUID userId, String email) {
        int spent = em.createNativeQuery("DELETE FROM account_tokens WHERE token_hash = ?1 AND purpose = ?2"
                + " AND user_id = ?3 AND email = ?4 AND expires_at > now()")
                .setParameter(1, tokenHash).setParameter(2, purpose.column).setParameter(3, userId)
                .setParameter(4, email).executeUpdate();
        em.createNativeQuery("DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2")
                .setParameter(1, userId).setParameter(2, purpose.column).executeUpdate();
        return spent == 1;
    }
}
