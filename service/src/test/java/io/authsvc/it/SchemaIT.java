package io.authsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.authsvc.accounts.control.AccountReader;
import io.authsvc.accounts.entity.User;
import io.authsvc.migration.control.UserStore;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the code knows of the schema, checked against the schema the deployment migrated: the unique keys that tell
 * a lost race apart, and the columns of the three mappings of a {@code users} row.
 */
class SchemaIT extends DeployedService {

    /**
     * A registration that loses a race to a unique key is told "email" or "username" by the key's name
     * ({@link User#EMAIL_KEYS}, {@link User#USERNAME_KEYS}): every unique key of those columns must be named there.
     */
    @Test
    void namesEveryUniqueKeyOfEmailAndUsername() throws SQLException {
        TreeMap<String, String> keys = new TreeMap<>();
        try (Connection connection = TestEnvironment.connect(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                        + " WHERE x.indrelid = 'users'::regclass AND x.indisunique AND NOT x.indisprimary")) {
            while (rows.next()) {
                keys.put(rows.getString(1), rows.getString(2));
            }
        }
        Set<String> email = new HashSet<>();
        Set<String> username = new HashSet<>();
        keys.forEach((name, definition) -> {
            String columns = definition.substring(definition.indexOf(" USING "));
            if (columns.matches(".*\\((lower\\()?email\\)?\\).*")) {
                email.add(name);
            } else if (columns.matches(".*\\((lower\\()?username\\)?\\).*")) {
                username.add(name);
            }
        });
        assertEquals(User.EMAIL_KEYS, email, "the unique keys of users.email: " + keys);
        assertEquals(User.USERNAME_KEYS, username, "the unique keys of users.username: " + keys);
        assertTrue(keys.containsKey("uq_users_legacy_id"), "the schema was read: " + keys);
    }

    /**
     * Each of the three hand-kept mappings of a {@code users} row (the JPA entity, AccountReader's SQL, the
     * importer's INSERT) names every column of the migrated table, or leaves it out here on purpose: a new column
     * fails this until each mapping has decided about it.
     */
    @Test
    void mapsEveryColumnOfUsersOrLeavesItOutOnPurpose() throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection connection = TestEnvironment.connect(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = 'users'"
                        + " AND table_schema = current_schema()")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        }
        assertTrue(columns.containsKey("password_hash"), "the schema was read: " + columns);
        // legacy_id: written by the importer only, read by nobody but its next run.
        assertMaps("the JPA entity User", entityColumns(), Set.of("legacy_id"), columns.keySet());
        assertMaps("AccountReader", new TreeSet<>(AccountReader.COLUMNS), Set.of("password_hash", "legacy_id"),
                columns.keySet());
        Set<String> inserted = new TreeSet<>();
        for (Map.Entry<String, String> column : UserStore.COLUMNS) {
            inserted.add(column.getKey());
            String type = column.getValue().equals("boolean") ? "bool" : column.getValue();
            assertEquals(columns.get(column.getKey()), type, "the type of " + column.getKey() + " in the importer's INSERT");
        }
        // token_version starts at its default (0) for an imported user, as for a registered one.
        assertMaps("bin/import-users' INSERT", inserted, Set.of("token_version"), columns.keySet());
    }

    private static void assertMaps(String mapping, Set<String> mapped, Set<String> leftOut, Set<String> columns) {
        Set<String> expected = new TreeSet<>(columns);
        expected.removeAll(leftOut);
        assertEquals(expected, new TreeSet<>(mapped), mapping + " against the columns of users " + columns);
    }

    /** The columns of User's fields: @Column's name or the field's, @Id's; not the roles' collection table. */
    private static Set<String> entityColumns() {
        Set<String> columns = new TreeSet<>();
        for (Field field : User.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(ElementCollection.class) || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Column column = field.getAnnotation(Column.class);
            if (column != null || field.isAnnotationPresent(Id.class)) {
                columns.add(column != null && !column.name().isEmpty() ? column.name() : field.getName());
            }
        }
        return columns;
    }
}
