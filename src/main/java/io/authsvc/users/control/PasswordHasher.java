package io.authsvc.users.control;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt through password4j: hashes at {@code BCRYPT_COST}, verifies $2a$/$2b$/$2y$ hashes of any cost. Every hash
 * and check runs on a pool of {@code HASH_POOL_SIZE} threads (default: cores − 1), so logins cannot take the cores
 * that token checks and reads need; a call that cannot start within {@code HASH_START_TIMEOUT_MS} throws
 * {@link HashingBusy} (503 with Retry-After) rather than queueing without end.
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
    public static final int MAX_BYTES = 72;
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    @Inject
    @ConfigProperty(name = "BCRYPT_COST", defaultValue = "12")
    int cost;

    @Inject
    @ConfigProperty(name = "HASH_POOL_SIZE")
    Optional<Integer> poolSizeSetting;

    @Inject
    @ConfigProperty(name = "HASH_START_TIMEOUT_MS", defaultValue = "1000")
    long startTimeoutMillis;

    /** Null when built by hand (tests, bin/import-users). */
    @Inject
    AuthMetrics metrics;

    private BcryptFunction function;
    /** Checked against when no account matches, so that an unknown name costs as much as a wrong password. */
    private String dummyHash;
    private int poolSize;
    /** One permit per hashing thread: a call holds one from before its task is queued until the task ends. */
    private Semaphore threads;
    private ExecutorService pool;
    /** The recent time of one hash (a moving average), for Retry-After. */
    private volatile long recentNanos;

    protected PasswordHasher() {
    }

    /** For tests and tools: a pool of one thread that waits up to a second to start. */
    public PasswordHasher(int cost) {
        this(cost, 1, Duration.ofSeconds(1));
    }

    public PasswordHasher(int cost, int poolSize, Duration startTimeout) {
        this.cost = cost;
        this.poolSizeSetting = Optional.of(poolSize);
        this.startTimeoutMillis = startTimeout.toMillis();
        init();
    }

    @PostConstruct
    void init() {
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("BCRYPT_COST must be between 4 and 31, not " + cost);
        }
        poolSize = poolSizeSetting.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        if (poolSize < 1) {
            throw new IllegalStateException("HASH_POOL_SIZE must be at least 1, not " + poolSize);
        }
        if (startTimeoutMillis < 0) {
            throw new IllegalStateException("HASH_START_TIMEOUT_MS must not be negative, not " + startTimeoutMillis);
        }
        function = BcryptFunction.getInstance(Bcrypt.B, cost);
        long start = System.nanoTime();
        dummyHash = Password.hash("not a password of anyone " + System.nanoTime()).with(function).getResult();
        recentNanos = System.nanoTime() - start;
        // Fair: whoever waits longest starts next, so a storm cannot starve one caller until its timeout.
        threads = new Semaphore(poolSize, true);
        pool = Executors.newFixedThreadPool(poolSize, daemonThreads());
        LOG.info(() -> "hashing pool: " + poolSize + " thread(s), bcrypt cost " + cost + ", start timeout "
                + startTimeoutMillis + " ms");
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
        }
        return onPool(() -> Password.hash(password).with(function).getResult());
    }

    /** False for a wrong password, a password bcrypt could not take whole, or a hash that is not bcrypt. */
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || !BCRYPT.matcher(hash).matches() || !fits(password)) {
            verifyNothing(password);
            return false;
        }
        return onPool(() -> Password.check(password, hash).with(BcryptFunction.getInstanceFromHash(hash)));
    }

    /** Spends the time of one verification, for a login whose account does not exist. */
    public void verifyNothing(String password) {
        String probe = password != null && fits(password) ? password : "";
        onPool(() -> Password.check(probe, dummyHash).with(function));
    }

    /**
     * Runs {@code work} on a hashing thread and waits for its result; waits at most the start timeout for a
     * thread to become free, and throws {@link HashingBusy} when none does.
     */
    <T> T onPool(Supplier<T> work) {
        try {
            if (!threads.tryAcquire(startTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new HashingBusy(retryAfterSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusy(retryAfterSeconds());
        }
        Future<T> result;
        try {
            result = pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    return work.get();
                } finally {
                    long nanos = System.nanoTime() - start;
                    recentNanos = (recentNanos * 7 + nanos) / 8;
                    threads.release();
                    if (metrics != null) {
                        metrics.hashed(nanos);
                    }
                }
            });
        } catch (RuntimeException e) {
            threads.release();
            throw e;
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("bcrypt failed", e.getCause());
        } catch (InterruptedException e) {
            // The hash finishes on its thread and gives the permit back; this caller stops waiting.
            Thread.currentThread().interrupt();
            throw new HashingBusy(retryAfterSeconds());
        }
    }

    /** The callers queued now, plus this one, spread over the threads at the recent time per hash. */
    long retryAfterSeconds() {
        double seconds = (threads.getQueueLength() + 1.0) * recentNanos / poolSize / 1e9;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    public int poolSize() {
        return poolSize;
    }

    /** Callers waiting for a hashing thread now. */
    public int queueLength() {
        return threads.getQueueLength();
    }

    /** Hashing threads taken now (by a hash running or about to). */
    public int busyThreads() {
        return poolSize - threads.availablePermits();
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The cost written in a bcrypt hash, or -1 when the text is not one. */
    public static int costOf(String hash) {
        var matcher = BCRYPT.matcher(hash == null ? "" : hash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    public int cost() {
        return cost;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "bcrypt-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
