package io.authsvc.database;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code DATABASE_URL} in the old service's form ({@code postgresql[+asyncpg]://user:pass@host:port/db})
 * or as a JDBC URL, split into the JDBC URL, user and password that the driver takes.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** Connect and read bounds, so that a lost database is a 503 within 5 s rather than a hung call. */
    static final Map<String, String> TIMEOUTS = Map.of("connectTimeout", "2", "loginTimeout", "3", "socketTimeout", "4");

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:postgres|postgresql)(?:\\+[a-z0-9]+)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]+)(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern JDBC = Pattern.compile("(?i)jdbc:postgresql://([^?]*)(?:\\?(.*))?");

    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is not set");
        }
        String text = value.strip();
        Matcher jdbc = JDBC.matcher(text);
        if (jdbc.matches()) {
            Map<String, String> query = query(jdbc.group(2));
            String user = query.remove("user");
            String password = query.remove("password");
            return new DatabaseUrl(jdbcUrl(jdbc.group(1), query), user, password);
        }
        Matcher url = URL.matcher(text);
        if (!url.matches()) {
            // Never echo the value: it may hold a password.
            throw new IllegalArgumentException(
                    "DATABASE_URL must look like postgresql://user:password@host:port/database or jdbc:postgresql://...");
        }
        String database = url.group(4) == null || url.group(4).isEmpty() ? "postgres" : decode(url.group(4));
        return new DatabaseUrl(jdbcUrl(url.group(3) + "/" + database, query(url.group(5))),
                decodeOrNull(url.group(1)), decodeOrNull(url.group(2)));
    }

    private static String jdbcUrl(String hostAndDatabase, Map<String, String> query) {
        TIMEOUTS.forEach(query::putIfAbsent);
        return "jdbc:postgresql://" + hostAndDatabase + "?" + query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String raw = equals < 0 ? "" : pair.substring(equals + 1);
            // user and password are handed to the driver decoded; the rest stays as written.
            parameters.put(name, "user".equals(name) || "password".equals(name) ? decode(raw) : raw);
        }
        return parameters;
    }

    private static String decodeOrNull(String value) {
        return value == null || value.isEmpty() ? null : decode(value);
    }

    private static String decode(String value) {
        // URLDecoder turns '+' into a space, which is not what percent-encoding in a URL means.
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
