package io.authsvc.credentials.control;

import io.authsvc.metrics.AuthMetrics;
import io.authsvc.web.Waiting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing on a bounded pool: the {@link HashScheme} ({@code PASSWORD_HASH}, {@code BCRYPT_COST},
 * {@code ARGON2_*}) says how a password is hashed and checked, this class says where and when.
 *
 * <p>Every hash and check runs on a pool of {@code HASH_POOL_SIZE} threads (default: one per core), fed by one
 * first-in-first-out queue. A call joins the queue while the wait it can expect (its place in the queue × the
 * recent time of one hash ÷ the pool size) stays within {@code HASH_QUEUE_MAX_WAIT_MS}; past that it throws
 * {@link HashingBusy} at once, without waiting first. A caller that goes away while queued (its client hung up,
 * see {@link Waiting}) takes its task out of the queue: its hash is never computed.
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut, under either scheme. */
    public static final int MAX_BYTES = HashScheme.MAX_BYTES;
    public static final String BCRYPT_SCHEME = HashScheme.BCRYPT;
    public static final String ARGON2ID_SCHEME = HashScheme.ARGON2ID;
    /**
     * How often a queued caller looks whether its client is still there: each look opens a selector, so 64 queued
     * callers look about 300 times a second, a small fraction of a core, rather than 1,300 times.
     */
    private static final long WATCH_MILLIS = 200;
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    /** How a password is hashed and checked. */
    @Inject
    HashScheme scheme;

    @Inject
    @ConfigProperty(name = "HASH_POOL_SIZE")
    Optional<Integer> poolSizeSetting;

    @Inject
    @ConfigProperty(name = "HASH_QUEUE_MAX_WAIT_MS", defaultValue = "10000")
    long maxWaitMillis;

    /** Null when built by hand (tests, bin/import-users). */
    @Inject
    AuthMetrics metrics;

    private int poolSize;
    private ThreadPoolExecutor pool;
    /** Calls admitted and not yet finished: queued plus running. */
    private final AtomicInteger pending = new AtomicInteger();
    /** The hashes running now, by thread, with the time each started. */
    private final Map<Thread, Long> running = new ConcurrentHashMap<>();
    /** The recent time of one hash (a moving average). */
    private volatile long recentNanos;

    protected PasswordHasher() {
    }

    /** For tests and tools: bcrypt on a pool of one thread with a queue budget of ten seconds. */
    public PasswordHasher(int cost) {
        this(cost, 1, Duration.ofSeconds(10));
    }

    public PasswordHasher(int cost, int poolSize, Duration maxWait) {
        this(BCRYPT_SCHEME, cost, poolSize, maxWait);
    }

    /** @param scheme {@code bcrypt}, or {@code argon2id} at the defaults of the {@code ARGON2_*} settings */
    public PasswordHasher(String scheme, int cost, int poolSize, Duration maxWait) {
        this.scheme = new HashScheme(scheme, cost, 7168, 5, 1);
        this.poolSizeSetting = Optional.of(poolSize);
        this.maxWaitMillis = maxWait.toMillis();
        init();
    }

    @PostConstruct
    void init() {
        poolSize = poolSizeSetting.orElse(Runtime.getRuntime().availableProcessors());
        if (poolSize < 1) {
            throw new IllegalStateException("HASH_POOL_SIZE must be at least 1, not " + poolSize);
        }
        if (maxWaitMillis < 0) {
            throw new IllegalStateException("HASH_QUEUE_MAX_WAIT_MS must not be negative, not " + maxWaitMillis);
        }
        recentNanos = scheme.sampleNanos();
        pool = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        pool.prestartAllCoreThreads();
        LOG.info(() -> "hashing pool: " + poolSize + " thread(s), " + scheme.describe() + ", queue budget "
                + maxWaitMillis + " ms");
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
        }
        return onPool(() -> scheme.hash(password));
    }

    /**
     * False for a wrong password, a password bcrypt could not take whole, or a hash that is neither bcrypt nor
     * Argon2id.
     */
    public boolean verify(String password, String hash) {
        Optional<Supplier<Boolean>> check = scheme.check(password, hash);
        if (check.isEmpty()) {
            verifyNothing(password);
            return false;
        }
        return onPool(check.get());
    }

    /**
     * True when {@code hash} is not what this service would write now: another scheme, or the same scheme with
     * other parameters. A good login then stores a new hash (as passlib's {@code deprecated="auto"} does).
     */
    public boolean needsRehash(String hash) {
        return scheme.needsRehash(hash);
    }

    /** Spends the time of one verification, for a login whose account does not exist. */
    public void verifyNothing(String password) {
        onPool(() -> scheme.verifyNothing(password));
    }

    /**
     * Throws {@link HashingBusy} at once when a call that came now would be refused: for the callers that would
     * otherwise read the database (the account, the throttle's counts) before they ask for a hash. A refused call
     * then costs next to nothing, so that clients that retry at once cannot take the cores from the hashes.
     */
    public void checkAdmission() {
        long expectedNanos = expectedWaitNanos(pending.get() + 1);
        if (expectedNanos > TimeUnit.MILLISECONDS.toNanos(maxWaitMillis)) {
            throw new HashingBusy(seconds(expectedNanos));
        }
    }

    /**
     * Runs {@code work} on a hashing thread and waits for its result, in the order the calls came. Throws
     * {@link HashingBusy} at once when the expected wait is over the budget, and when the caller went away while
     * queued (then the work is not done).
     */
    <T> T onPool(Supplier<T> work) {
        long expectedNanos = expectedWaitNanos(pending.incrementAndGet());
        if (expectedNanos > TimeUnit.MILLISECONDS.toNanos(maxWaitMillis)) {
            pending.decrementAndGet();
            throw new HashingBusy(seconds(expectedNanos));
        }
        AtomicBoolean claimed = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return null; // its caller gave up while it was queued
            }
            Thread self = Thread.currentThread();
            long start = System.nanoTime();
            running.put(self, start);
            try {
                return work.get();
            } finally {
                running.remove(self);
                pending.decrementAndGet();
                long nanos = System.nanoTime() - start;
                // smoothed over about the last sixteen hashes: one slow hash (a GC pause) must not refuse a queue
                recentNanos = (recentNanos * 15 + nanos) / 16;
                if (metrics != null) {
                    metrics.hashed(nanos);
                }
            }
        });
        try {
            pool.execute(task);
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
            throw rejected;
        }
        try {
            while (true) {
                try {
                    return task.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    if (Waiting.callerGone() && giveUp(task, claimed)) {
                        throw new HashingBusy(seconds(expectedWaitNanos(pending.get())), true);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        } catch (CancellationException e) {
            throw new HashingBusy(1, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (giveUp(task, claimed)) {
                throw new HashingBusy(seconds(expectedWaitNanos(pending.get())), true);
            }
            // already running: it finishes on its thread; this caller stops waiting
            throw new HashingBusy(1, true);
        }
    }

    /** Takes a task that has not started out of the queue; false when it runs already. */
    private <T> boolean giveUp(FutureTask<T> task, AtomicBoolean claimed) {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        pool.remove(task);
        pending.decrementAndGet();
        return true;
    }

    /**
     * The wait of a call at {@code place} among the pending calls: nothing while a thread is idle, otherwise the
     * calls ahead of it beyond the pool's threads, spread over the threads at the recent time of one hash, plus,
     * when every thread runs a hash that has already taken longer than that, the least of those overruns (a hash
     * of a far higher cost, say, holds the queue until it ends). The overrun is not taken as the time of every
     * hash: under load each hash runs a little longer, and counting that for the whole queue refused the calls of
     * an ordinary burst.
     */
    long expectedWaitNanos(int place) {
        int ahead = place - poolSize;
        if (ahead <= 0) {
            return 0;
        }
        long perHash = recentNanos;
        long now = System.nanoTime();
        long overrun = Long.MAX_VALUE;
        int runningNow = 0;
        for (long start : running.values()) {
            overrun = Math.min(overrun, now - start - perHash);
            runningNow++;
        }
        long held = runningNow >= poolSize && overrun > 0 ? overrun : 0;
        return (long) ((double) ahead * perHash / poolSize) + held;
    }

    private static long seconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    /** The Retry-After of a call that would come now. */
    long retryAfterSeconds() {
        return seconds(expectedWaitNanos(pending.get() + 1));
    }

    public int poolSize() {
        return poolSize;
    }

    /** Calls waiting for a hashing thread now. */
    public int queueLength() {
        return pool.getQueue().size();
    }

    /** Hashing threads running a hash now. */
    public int busyThreads() {
        return running.size();
    }

    public static boolean fits(String password) {
        return HashScheme.fits(password);
    }

    /** The cost written in a bcrypt hash, or -1 when the text is not one. */
    public static int costOf(String hash) {
        return HashScheme.costOf(hash);
    }

    public int cost() {
        return scheme.cost();
    }

    /** {@code bcrypt} or {@code argon2id}: the scheme of new hashes. */
    public String scheme() {
        return scheme.scheme();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "password-hash-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
