package io.authsvc.credentials.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords (ASVS 2.1.7), compared without regard to case: the list of zxcvbn, shipped in the
 * WAR as {@code passwords/common-passwords.txt} (see SOURCE.txt beside it). Loaded once.
 */
public final class CommonPasswords {

    static final String RESOURCE = "passwords/common-passwords.txt";

    private static final class Bundled {
        static final CommonPasswords LIST = load(RESOURCE);
    }

    private final Set<String> passwords;

    private CommonPasswords(Set<String> passwords) {
        this.passwords = Set.copyOf(passwords);
    }

    /** The list in the WAR, read at its first use. */
    public static CommonPasswords bundled() {
        return Bundled.LIST;
    }

    static CommonPasswords load(String resource) {
        Set<String> passwords = new HashSet<>(65_536);
        try (InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the WAR");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonPasswords(passwords);
    }

    public boolean contains(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return passwords.size();
    }
}
