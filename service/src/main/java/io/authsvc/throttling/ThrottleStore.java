package io.authsvc.throttling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The counted events in PostgreSQL, so that every instance sees the same counts. Time is the database's
 * ({@code now()}), so instances whose clocks differ still agree. Old rows are deleted by the statements that
 * add new ones, a bounded batch at a time: the table holds little more than one window of events.
 */
@ApplicationScoped
@Transactional
public class ThrottleStore {

    /** Expired rows deleted per insert: more than any insert adds, so the table cannot grow without bound. */
    static final int PURGE_BATCH = 500;

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    /**
     * Counts one event of {@code attempt} under every key, unless a key already holds its maximum within the
     * window; then nothing is counted and the answer is the Retry-After of the key that waits longest.
     * Attempts on the same keys take turns (a transaction-scoped advisory lock per key), so parallel
     * attempts cannot all pass the check before any of them is counted.
     */
    public Optional<Long> reserve(UUID attempt, List<Limit> limits, Duration window) {
        List<Limit> ordered = limits.stream().sorted(Comparator.comparing(Limit::key)).toList();
        for (Limit limit : ordered) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                    .setParameter(1, limit.key()).getSingleResult();
        }
        long longest = 0;
        for (Limit limit : ordered) {
            longest = Math.max(longest, blockedFor(limit, window));
        }
        if (longest > 0) {
            return Optional.of(longest);
        }
        purge(window);
        for (Limit limit : ordered) {
            em.createNativeQuery("INSERT INTO throttle_events (key, at, attempt) VALUES (?1, now(), ?2)")
                    .setParameter(1, limit.key()).setParameter(2, attempt).executeUpdate();
        }
        return Optional.empty();
    }

    /** Takes back what {@code attempt} counted under {@code key}. */
    public void release(UUID attempt, String key) {
        em.createNativeQuery("DELETE FROM throttle_events WHERE key = ?1 AND attempt = ?2")
                .setParameter(1, key).setParameter(2, attempt).executeUpdate();
    }

    /** Forgets every event under {@code key} (a good login clears its account's failures). */
    public void clear(String key) {
        em.createNativeQuery("DELETE FROM throttle_events WHERE key = ?1").setParameter(1, key).executeUpdate();
    }

    /**
     * Seconds until the key may be used again, 0 when it may now. With {@code max} events in the window, the
     * {@code max}-th newest one blocks: when it leaves the window, fewer than {@code max} remain.
     */
    private long blockedFor(Limit limit, Duration window) {
        List<?> rows = em.createNativeQuery("""
                SELECT CAST(floor(extract(epoch FROM at) * 1000) AS BIGINT),
                       CAST(floor(extract(epoch FROM now()) * 1000) AS BIGINT)
                FROM throttle_events
                WHERE key = ?1 AND at > now() - make_interval(secs => ?2)
                ORDER BY at DESC OFFSET ?3 LIMIT 1""")
                .setParameter(1, limit.key())
                .setParameter(2, (double) window.getSeconds())
                .setParameter(3, Math.max(0, limit.max() - 1))
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Object[] row = (Object[]) rows.get(0);
        return RetryAfter.seconds(Instant.ofEpochMilli(((Number) row[0]).longValue()), window,
                Instant.ofEpochMilli(((Number) row[1]).longValue()));
    }

    private void purge(Duration window) {
        em.createNativeQuery("""
                DELETE FROM throttle_events WHERE ctid = ANY (ARRAY(
                    SELECT ctid FROM throttle_events WHERE at <= now() - make_interval(secs => ?1)
                    ORDER BY at LIMIT ?2 FOR UPDATE SKIP LOCKED))""")
                .setParameter(1, (double) window.getSeconds())
                .setParameter(2, PURGE_BATCH)
                .executeUpdate();
    }
}
