package io.authsvc.credentials.control;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hashing scheme, through password4j: new hashes in the scheme of {@code PASSWORD_HASH} (bcrypt at
 * {@code BCRYPT_COST}, or Argon2id at {@code ARGON2_*}), checked when it is built; every stored hash verifies by
 * its own prefix, whatever the setting. It computes on the thread that calls it: {@link PasswordHasher} owns it
 * and runs it on the hashing pool. A {@code @Dependent} bean, so that its settings come by injection and it lives
 * and dies with the one hasher it is injected into, without a proxy between them; built by hand, through the
 * hasher's constructors, for tests and tools.
 */
@Dependent
public class HashScheme {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut, under either scheme. */
    public static final int MAX_BYTES = 72;
    public static final String BCRYPT = "bcrypt";
    public static final String ARGON2ID = "argon2id";
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern ARGON2ID_HASH = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=\\d{1,7},t=\\d{1,4},p=\\d{1,3}\\$[A-Za-z0-9+/]{11,}\\$[A-Za-z0-9+/]{22,}");
    private static final int ARGON2_OUTPUT_BYTES = 32;
    private static final int ARGON2_SALT_BYTES = 16;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASH", defaultValue = BCRYPT)
    String scheme;

    @Inject
    @ConfigProperty(name = "BCRYPT_COST", defaultValue = "12")
    int cost;

    @Inject
    @ConfigProperty(name = "ARGON2_MEMORY_KIB", defaultValue = "7168")
    int argon2MemoryKib;

    @Inject
    @ConfigProperty(name = "ARGON2_ITERATIONS", defaultValue = "5")
    int argon2Iterations;

    @Inject
    @ConfigProperty(name = "ARGON2_PARALLELISM", defaultValue = "1")
    int argon2Parallelism;

    /** The function new hashes are made with. */
    private HashingFunction function;
    /** Checked against when no account matches, so that an unknown name costs as much as a wrong password. */
    private String dummyHash;
    /** How long the dummy hash took to make: the hashing pool's first estimate of one hash. */
    private long sampleNanos;

    protected HashScheme() {
    }

    /** @param scheme {@code bcrypt}, or {@code argon2id} with the given {@code ARGON2_*} parameters */
    HashScheme(String scheme, int cost, int argon2MemoryKib, int argon2Iterations, int argon2Parallelism) {
        this.scheme = scheme;
        this.cost = cost;
        this.argon2MemoryKib = argon2MemoryKib;
        this.argon2Iterations = argon2Iterations;
        this.argon2Parallelism = argon2Parallelism;
        init();
    }

    @PostConstruct
    void init() {
        function = newFunction();
        long start = System.nanoTime();
        dummyHash = hash("not a password of anyone " + System.nanoTime());
        sampleNanos = System.nanoTime() - start;
    }

    private HashingFunction newFunction() {
        switch (scheme == null ? "" : scheme.trim().toLowerCase(Locale.ROOT)) {
            case BCRYPT -> {
                if (cost < 4 || cost > 31) {
                    throw new IllegalStateException("BCRYPT_COST must be between 4 and 31, not " + cost);
                }
                scheme = BCRYPT;
                return BcryptFunction.getInstance(Bcrypt.B, cost);
            }
            case ARGON2ID -> {
                if (argon2MemoryKib < 8 * argon2Parallelism || argon2MemoryKib > 4_194_304) {
                    throw new IllegalStateException("ARGON2_MEMORY_KIB must be between 8 × ARGON2_PARALLELISM and "
                            + "4194304 (4 GiB), not " + argon2MemoryKib);
                }
                if (argon2Iterations < 1 || argon2Iterations > 1000) {
                    throw new IllegalStateException("ARGON2_ITERATIONS must be between 1 and 1000, not "
                            + argon2Iterations);
                }
                if (argon2Parallelism < 1 || argon2Parallelism > 255) {
                    throw new IllegalStateException("ARGON2_PARALLELISM must be between 1 and 255, not "
                            + argon2Parallelism);
                }
                scheme = ARGON2ID;
                return Argon2Function.getInstance(argon2MemoryKib, argon2Iterations, argon2Parallelism,
                        ARGON2_OUTPUT_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
            }
            default -> throw new IllegalStateException("PASSWORD_HASH must be bcrypt or argon2id, not " + scheme);
        }
    }

    /** The scheme and its parameters, for the start-up log line. */
    String describe() {
        return ARGON2ID.equals(scheme)
                ? "argon2id m=" + argon2MemoryKib + " KiB, t=" + argon2Iterations + ", p=" + argon2Parallelism
                : "bcrypt cost " + cost;
    }

    /** A new hash of {@code password}, on this thread; the caller has checked that it {@link #fits}. */
    String hash(String password) {
        return ARGON2ID.equals(scheme)
                ? Password.hash(password).addRandomSalt(ARGON2_SALT_BYTES).with(function).getResult()
                : Password.hash(password).with(function).getResult();
    }

    /**
     * The check of {@code password} against {@code hash}, to run where the caller likes; empty for a password
     * bcrypt could not take whole or a hash that is neither bcrypt nor Argon2id (a no without any hashing).
     */
    Optional<Supplier<Boolean>> check(String password, String hash) {
        HashingFunction own = password == null || !fits(password) ? null : functionOf(hash);
        if (own == null) {
            return Optional.empty();
        }
        return Optional.of(() -> Password.check(password, hash).with(own));
    }

    /** The function that made {@code hash}, or null when it is no hash this service reads. */
    private static HashingFunction functionOf(String hash) {
        if (hash == null) {
            return null;
        }
        try {
            if (BCRYPT_HASH.matcher(hash).matches()) {
                return BcryptFunction.getInstanceFromHash(hash);
            }
            if (ARGON2ID_HASH.matcher(hash).matches()) {
                return Argon2Function.getInstanceFromHash(hash);
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return null;
    }

    /**
     * True when {@code hash} is not what this scheme would write now: another scheme, or the same scheme with
     * other parameters.
     */
    boolean needsRehash(String hash) {
        HashingFunction own = functionOf(hash);
        if (own instanceof BcryptFunction bcrypt && function instanceof BcryptFunction current) {
            return bcrypt.getLogarithmicRounds() != current.getLogarithmicRounds();
        }
        if (own instanceof Argon2Function argon2 && function instanceof Argon2Function current) {
            return argon2.getMemory() != current.getMemory() || argon2.getIterations() != current.getIterations()
                    || argon2.getParallelism() != current.getParallelism()
                    || argon2.getOutputLength() != current.getOutputLength();
        }
        return true;
    }

    /** The work of one verification, against a hash of nobody, on this thread; always false. */
    boolean verifyNothing(String password) {
        String probe = password != null && fits(password) ? password : "";
        return Password.check(probe, dummyHash).with(function);
    }

    /** How long one hash took when this scheme was built. */
    long sampleNanos() {
        return sampleNanos;
    }

    static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The cost written in a bcrypt hash, or -1 when the text is not one. */
    static int costOf(String hash) {
        var matcher = BCRYPT_HASH.matcher(hash == null ? "" : hash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    int cost() {
        return cost;
    }

    /** {@code bcrypt} or {@code argon2id}: the scheme of new hashes. */
    String scheme() {
        return scheme;
    }
}
