import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import java.util.Arrays;

/**
 * The bench's hashing helper, run as a single-file program with password4j on the class path (the library and
 * settings the service uses). SPEC is a bcrypt cost ({@code 12}: $2b$ at that cost) or
 * {@code argon2id:MEMORY_KIB,ITERATIONS,PARALLELISM} (Argon2id v1.3, 32-byte output, 16-byte salt).
 *
 *   java -cp password4j.jar bench/BcryptTool.java hash PASSWORD SPEC     prints one hash, for seeding users
 *   java -cp password4j.jar bench/BcryptTool.java time SPEC N            prints the median ms of N hashes on one thread
 *
 * "time" is how long one hash takes on one core of this machine now: the bench runs it just before and after the
 * hashing scenarios, so that the ceiling (HASH_POOL_SIZE / that time) shares their background load.
 */
public class BcryptTool {

    public static void main(String[] args) {
        switch (args.length > 0 ? args[0] : "") {
            case "hash" -> System.out.println(hash(args[1], args[2]));
            case "time" -> System.out.printf("%.1f%n", medianMillis(args[1], Integer.parseInt(args[2])));
            default -> {
                System.err.println("usage: BcryptTool hash PASSWORD SPEC | BcryptTool time SPEC N");
                System.exit(2);
            }
        }
    }

    private static HashingFunction function(String spec) {
        if (spec.startsWith("argon2id:")) {
            int[] p = Arrays.stream(spec.substring("argon2id:".length()).split(",")).mapToInt(Integer::parseInt).toArray();
            return Argon2Function.getInstance(p[0], p[1], p[2], 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        }
        return BcryptFunction.getInstance(Bcrypt.B, Integer.parseInt(spec));
    }

    private static String hash(String password, String spec) {
        HashingFunction function = function(spec);
        return function instanceof Argon2Function
                ? Password.hash(password).addRandomSalt(16).with(function).getResult()
                : Password.hash(password).with(function).getResult();
    }

    private static double medianMillis(String spec, int n) {
        // Compiled code, not the interpreter: the server's hashing thread has long been warm. At least three hashes
        // and a second of them (Argon2's Java code needs far more than three short hashes to be compiled).
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
            hash("warm-up password " + i, spec);
        }
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            hash("timed password " + i, spec);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
    }
}
