package io.authsvc.callers.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.authsvc.accounts.control.AccountChanged;
import io.authsvc.accounts.entity.Account;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accounts this instance has read for token checks, with the sessions of theirs it has seen alive, kept in
 * memory (at most {@code ACCOUNT_CACHE_SIZE}; 0 turns it off) so that a call with a token reads no database.
 * <p>
 * It cannot serve a revoked account: every change to an account, its roles or its sessions is announced by the
 * database itself (a trigger, V6__account_changes.sql) and {@link ChangeListener} drops the entry when it hears
 * it, within milliseconds, on every instance. The cache is used only while that listener vouches for it: its
 * connection is up and has answered a round trip within the last {@link #LEASE_MILLIS} ms (every notification
 * committed before such a round trip has reached the listener before its answer). Otherwise every call reads the
 * database, as without a cache, and on a new listening connection the cache starts empty, so that no
 * notification missed while the connection was down can matter.
 * <p>
 * A read that races a change cannot put back what the change replaced: a filler takes a {@link #stamp} before it
 * reads the database, and what it puts is dropped again when an invalidation of that account (or of all) came
 * after the stamp. This instance's own changes ({@link AccountChanged}) are dropped at once and when their transaction
 * ends, so that
 * a caller's next request here sees them even before the notification arrives.
 */
@ApplicationScoped
public class AccountCache {

    /** How long a round trip of the listening connection vouches for the cache. */
    static final long LEASE_MILLIS = 1000;
    /** Sessions kept per account; a user with more live sessions has the rest checked in the database. */
    static final int SESSIONS_PER_ACCOUNT = 16;
    private static final int STRIPES = 1024;
    private static final Logger LOG = Logger.getLogger(AccountCache.class.getName());

    /** What is kept of one account: the account, and the sessions of its token version seen alive, with their end. */
    public record Entry(Account account, Map<UUID, Instant> sessions) {

        /** The end of this live session, or null when it is not known here. */
        public Instant sessionEnd(UUID session) {
            return sessions.get(session);
        }

        Entry with(UUID session, Instant end) {
            if (session == null || end == null || sessions.containsKey(session)
                    || sessions.size() >= SESSIONS_PER_ACCOUNT) {
                return this;
            }
            Map<UUID, Instant> more = new HashMap<>(sessions);
            more.put(session, end);
            return new Entry(account, Map.copyOf(more));
        }
    }

    @Inject
    @ConfigProperty(name = "ACCOUNT_CACHE_SIZE", defaultValue = "100000")
    long size;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Null when the cache is off. */
    private Cache<UUID, Entry> entries;
    /** Moves on at every invalidation of an account of the stripe; {@link #generation} at every clearing. */
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final AtomicLong generation = new AtomicLong();
    /** {@link System#nanoTime()} until which the listener vouches for the cache; {@link #suspend} ends it at once. */
    private volatile long trustedUntil;
    private volatile boolean trusted;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private volatile Runnable onHit = () -> {
    };
    private volatile Runnable onMiss = () -> {
    };
    private volatile Runnable onInvalidation = () -> {
    };

    public AccountCache() {
    }

    /** A cache of {@code size} accounts, for the unit tests; {@link #trustUntil} must vouch before it is used. */
    AccountCache(long size) {
        this.size = size;
        init();
    }

    @PostConstruct
    void init() {
        if (size < 0) {
            throw new IllegalStateException("ACCOUNT_CACHE_SIZE must not be negative, not " + size);
        }
        if (size > 0) {
            // Maintenance on the calling thread: a guest of the server starts no pool of its own for this.
            entries = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
        } else {
            LOG.info("ACCOUNT_CACHE_SIZE=0: the account cache is off; every call with a token reads the database");
        }
    }

    public boolean enabled() {
        return entries != null;
    }

    /** Whether the listener vouches for the cache now: used, and filled, only then. */
    public boolean usable() {
        return entries != null && trusted && trustedUntil - System.nanoTime() > 0;
    }

    /** Counts hits, misses and invalidations to these as well (the server's metrics). */
    public void reportTo(Runnable hit, Runnable miss, Runnable invalidation) {
        onHit = hit;
        onMiss = miss;
        onInvalidation = invalidation;
    }

    /** What is kept of this account, or null (not kept, or the cache not usable now: read the database). */
    public Entry get(UUID id) {
        return usable() ? entries.getIfPresent(id) : null;
    }

    /** A token check was served from the cache ({@code hit}) or read the database while the cache was usable. */
    public void count(boolean hit) {
        if (hit) {
            hits.increment();
            onHit.run();
        } else {
            misses.increment();
            onMiss.run();
        }
    }

    /** Taken before reading the database for {@link #put}. */
    public long stamp(UUID id) {
        return generation.get() + stamps.get(stripe(id));
    }

    /**
     * Keeps {@code account} as read since {@code stamp}, with {@code session} (alive until {@code sessionEnd}) when
     * not null; nothing is kept when the cache is not usable or the account changed since the stamp.
     */
    public void put(UUID id, long stamp, Account account, UUID session, Instant sessionEnd) {
        if (!usable() || stamp(id) != stamp) {
            return;
        }
        Entry kept = entries.asMap().compute(id, (key, old) ->
                (old != null && old.account().equals(account) ? old : new Entry(account, Map.of()))
                        .with(session, sessionEnd));
        if (stamp(id) != stamp) {
            // an invalidation came while this was being put: it may have run before the put, so undo the put
            entries.asMap().remove(id, kept);
        }
    }

    /** Forgets the account now (a notification from the database). */
    void invalidate(UUID id) {
        if (entries == null) {
            return;
        }
        stamps.incrementAndGet(stripe(id));
        entries.invalidate(id);
        invalidations.increment();
        onInvalidation.run();
    }

    /** Forgets every account now. */
    void clear() {
        if (entries == null) {
            return;
        }
        generation.incrementAndGet();
        entries.invalidateAll();
        invalidations.increment();
        onInvalidation.run();
    }

    /**
     * This instance changed the account (or its roles or sessions): forgets it at once, and again when the current
     * transaction ends, committed or not. The database's notification follows anyway. The stores announce each change
     * ({@link AccountChanged}); nothing else tells the cache.
     */
    void changed(@Observes AccountChanged change) {
        changed(change.id());
    }

    void changed(UUID id) {
        if (entries == null || id == null) {
            return;
        }
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidate(id);
                }
            });
        }
        invalidate(id);
    }

    /** The listener has heard every change committed before {@code since} (a nanoTime): trust the cache a lease on. */
    void trustUntil(long since) {
        trustedUntil = since + TimeUnit.MILLISECONDS.toNanos(LEASE_MILLIS);
        trusted = true;
    }

    /** The listener lost its connection: the cache is not used until {@link #resume}. */
    void suspend() {
        trusted = false;
    }

    /** A new listening connection is up: whatever was missed meanwhile is forgotten before the cache is used again. */
    void resume(long since) {
        clear();
        trustUntil(since);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long invalidations() {
        return invalidations.sum();
    }

    public long entries() {
        return entries == null ? 0 : entries.estimatedSize();
    }

    /** Runs the eviction now (it runs on the callers' threads otherwise), for the tests. */
    void cleanUp() {
        if (entries != null) {
            entries.cleanUp();
        }
    }

    /** Whether the listener vouches for the cache (1) or not (0): the metric. */
    public int listening() {
        return usable() ? 1 : 0;
    }

    private static int stripe(UUID id) {
        return (id.hashCode() & 0x7fffffff) % STRIPES;
    }
}
