package io.authsvc.credentials.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.migration.control.UserMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** bin/import-users takes only the hashes that this service then verifies at login (passlib's bcrypt spellings). */
class ImportedHashesTest {

    @Test
    void acceptsOnlyHashesTheServiceVerifies() throws IOException {
        Properties passlib = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/passlib-hashes.properties")) {
            passlib.load(in);
        }
        PasswordHasher hasher = new PasswordHasher(4);
        for (String prefix : new String[] {"$2a$", "$2b$", "$2y$"}) {
            String hash = prefix + passlib.getProperty("cost10.hash").substring(4);
            assertTrue(UserMapper.isBcrypt(hash), hash);
            assertTrue(hasher.verify(passlib.getProperty("cost10.password"), hash), hash);
        }
        assertTrue(UserMapper.isBcrypt(passlib.getProperty("cost12.hash")));
    }
}
