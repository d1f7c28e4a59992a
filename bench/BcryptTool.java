import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import java.util.Arrays;

/**
 * The bench's bcrypt helper, run as a single-file program with password4j on the class path (the library and
 * settings the service uses: $2b$, the configured cost).
 *
 *   java -cp password4j.jar bench/BcryptTool.java hash PASSWORD COST     prints one hash, for seeding users
 *   java -cp password4j.jar bench/BcryptTool.java time COST N            prints the median ms of N hashes on one thread
 *
 * "time" is how long one hash takes on one core of this machine now: the bench runs it just before the login
 * and register scenarios, so that the ceiling (HASH_POOL_SIZE / that time) shares their background load.
 */
public class BcryptTool {

    public static void main(String[] args) {
        switch (args.length > 0 ? args[0] : "") {
            case "hash" -> System.out.println(Password.hash(args[1]).with(function(args[2])).getResult());
            case "time" -> System.out.printf("%.1f%n", medianMillis(function(args[1]), Integer.parseInt(args[2])));
            default -> {
                System.err.println("usage: BcryptTool hash PASSWORD COST | BcryptTool time COST N");
                System.exit(2);
            }
        }
    }

    private static BcryptFunction function(String cost) {
        return BcryptFunction.getInstance(Bcrypt.B, Integer.parseInt(cost));
    }

    private static double medianMillis(BcryptFunction function, int n) {
        // Compiled code, not the interpreter: the server's hashing thread has long been warm.
        for (int i = 0; i < 3; i++) {
            Password.hash("warm-up password " + i).with(function);
        }
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            Password.hash("timed password " + i).with(function);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
    }
}
