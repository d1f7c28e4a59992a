package io.authsvc.users.control;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt through password4j: hashes at {@code BCRYPT_COST}, verifies $2a$/$2b$/$2y$ hashes of any cost. */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than cut. */
    public static final int MAX_BYTES = 72;
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    @Inject
    @ConfigProperty(name = "BCRYPT_COST", defaultValue = "12")
    int cost;

    private BcryptFunction function;
    /** Checked against when no account matches, so that an unknown name costs as much as a wrong password. */
    private String dummyHash;

    protected PasswordHasher() {
    }

    public PasswordHasher(int cost) {
        this.cost = cost;
        init();
    }

    @PostConstruct
    void init() {
        if (cost < 4 || cost > 31) {
            throw new IllegalStateException("BCRYPT_COST must be between 4 and 31, not " + cost);
        }
        function = BcryptFunction.getInstance(Bcrypt.B, cost);
        dummyHash = hash("not a password of anyone " + System.nanoTime());
    }

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("password longer than " + MAX_BYTES + " bytes");
        }
        return Password.hash(password).with(function).getResult();
    }

    /** False for a wrong password, a password bcrypt could not take whole, or a hash that is not bcrypt. */
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || !BCRYPT.matcher(hash).matches() || !fits(password)) {
            verifyNothing(password);
            return false;
        }
        return Password.check(password, hash).with(BcryptFunction.getInstanceFromHash(hash));
    }

    /** Spends the time of one verification, for a login whose account does not exist. */
    public void verifyNothing(String password) {
        String probe = password != null && fits(password) ? password : "";
        Password.check(probe, dummyHash).with(function);
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
}
