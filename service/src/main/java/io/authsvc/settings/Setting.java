package io.authsvc.settings;

import static io.authsvc.settings.SettingType.atLeast;
import static io.authsvc.settings.SettingType.whole;

import io.authsvc.settings.SettingType.Flag;
import io.authsvc.settings.SettingType.MailAddress;
import io.authsvc.settings.SettingType.OneOf;
import io.authsvc.settings.SettingType.Secret;
import io.authsvc.settings.SettingType.Text;
import io.authsvc.settings.SettingType.WebAddress;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the service, declared once: its name (the environment variable, read through MicroProfile
 * Config), its type, its default (as the reader's {@code @ConfigProperty} has it; none where the default is worked
 * out, such as the number of cores) and the feature that reads it. {@code docs/settings.md} documents each, and
 * tests hold the registry, the code's {@code @ConfigProperty} names and that page together. The settings that the
 * WAR reads are checked together at start-up ({@link SettingsCheck}); those of the scripts and the server are not.
 */
public enum Setting {
    PORT(atLeast(1), "8080", "bin/run"),
    SERVER(new OneOf(List.of("payara", "wildfly"), false), "payara", "bin/run"),
    DEV_DB_PORT(atLeast(1), "5433", "bin/run"),
    METRICS_ENABLED(new Flag(), "false", "server-config"),
    TEST_DATABASE_URL(new Secret(), null, "tests"),
    DATABASE_URL(new Secret(), null, "database"),
    DATABASE_LISTEN_URL(new Secret(), null, "callers"),
    DATABASE_MIGRATE(new Flag(), "true", "database"),
    ACCOUNT_CACHE_SIZE(atLeast(0), "100000", "callers"),
    SECRET_KEY(new Secret(), null, "realm"),
    ALGORITHM(new OneOf(List.of("HS256", "RS256"), false), "HS256", "realm"),
    JWT_ISSUER(new Text(), "auth-service", "realm"),
    JWT_AUDIENCE(new Text(), null, "realm"),
    JWT_PUBLIC_KEY_LOCATION(new Text(), null, "realm"),
    JWT_PRIVATE_KEY(new Secret(), null, "tokens"),
    JWT_PRIVATE_KEY_LOCATION(new Text(), null, "tokens"),
    JWT_PREVIOUS_PUBLIC_KEYS_LOCATION(new Text(), null, "tokens"),
    ACCESS_TOKEN_EXPIRE_MINUTES(atLeast(1), "30", "tokens"),
    REFRESH_TOKEN_EXPIRE_DAYS(atLeast(1), "30", "sessions"),
    REFRESH_TOKEN_IDLE_DAYS(atLeast(1), "7", "sessions"),
    PUBLIC_URL(new WebAddress(), null, "web, mail"),
    PASSWORD_HASH(new OneOf(List.of("bcrypt", "argon2id"), true), "bcrypt", "credentials"),
    BCRYPT_COST(whole(4, 31), "12", "credentials"),
    ARGON2_MEMORY_KIB(whole(8, 4_194_304), "7168", "credentials"),
    ARGON2_ITERATIONS(whole(1, 1000), "5", "credentials"),
    ARGON2_PARALLELISM(whole(1, 255), "1", "credentials"),
    HASH_POOL_SIZE(atLeast(1), null, "credentials"),
    HASH_QUEUE_MAX_WAIT_MS(atLeast(0), "10000", "credentials"),
    PASSWORD_MIN_LENGTH(atLeast(1), "12", "credentials"),
    LOGIN_MAX_FAILURES(atLeast(1), "5", "throttling"),
    LOGIN_MAX_FAILURES_PER_ADDRESS(atLeast(1), "100", "throttling"),
    LOGIN_WINDOW_SECONDS(atLeast(1), "900", "throttling"),
    REGISTER_MAX_PER_ADDRESS(atLeast(1), "20", "throttling"),
    PROFILE_CHANGES_PER_HOUR(atLeast(1), "10", "throttling"),
    TRUSTED_PROXIES(new Text(), null, "web"),
    AUDIT_LOG_FILE(new Text(), null, "audit"),
    ACCESS_LOG_FILE(new Text(), null, "web"),
    SHUTDOWN_TIMEOUT_MS(atLeast(0), "20000", "web"),
    WAR_OWNS_PROCESS(new Flag(), null, "host"),
    CORS_ORIGINS(new Text(), null, "web"),
    BOOTSTRAP_ADMIN_EMAIL(new Text(), null, "users"),
    BOOTSTRAP_ADMIN_USERNAME(new Text(), null, "users"),
    BOOTSTRAP_ADMIN_PASSWORD(new Secret(), null, "users"),
    SMTP_HOST(new Text(), null, "mail"),
    SMTP_PORT(whole(1, 65_535), null, "mail"),
    SMTP_USERNAME(new Text(), null, "mail"),
    SMTP_PASSWORD(new Secret(), null, "mail"),
    SMTP_SECURITY(new OneOf(List.of("starttls", "tls", "none"), true), "starttls", "mail"),
    MAIL_FROM(new MailAddress(), null, "mail"),
    MAIL_DIR(new Text(), null, "mail"),
    MAIL_TEMPLATES_DIR(new Text(), null, "mail"),
    MAIL_SENDER_THREADS(atLeast(1), "1", "mail"),
    PASSWORD_RESET_URL(new WebAddress(), null, "mail"),
    EMAIL_VERIFY_URL(new WebAddress(), null, "mail"),
    EMAIL_REVERT_URL(new WebAddress(), null, "mail"),
    REQUIRE_VERIFIED_EMAIL(new Flag(), "false", "sessions, recovery"),
    EMAIL_VERIFY_EXPIRE_HOURS(atLeast(1), "48", "recovery"),
    EMAIL_REVERT_EXPIRE_DAYS(atLeast(1), "7", "recovery"),
    PASSWORD_RESET_EXPIRE_MINUTES(atLeast(1), "30", "recovery"),
    EMAIL_VERIFY_MAX_PER_HOUR(atLeast(1), "3", "throttling"),
    PASSWORD_RESET_MAX_PER_HOUR(atLeast(1), "3", "throttling"),
    PASSWORD_RESET_MAX_PER_ADDRESS(atLeast(1), "20", "throttling"),
    PASSWORD_RESET_MAX_MAILS_PER_HOUR(atLeast(1), "20", "throttling");

    /** The readers outside the WAR: their settings are documented here, and checked where they are read. */
    private static final List<String> OUTSIDE = List.of("bin/run", "server-config", "tests");

    private final SettingType type;
    private final String defaultValue;
    private final String feature;

    Setting(SettingType type, String defaultValue, String feature) {
        this.type = type;
        this.defaultValue = defaultValue;
        this.feature = feature;
    }

    public SettingType type() {
        return type;
    }

    /** The default as the reader has it; empty where there is none or it is worked out at start-up. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The feature (package under {@code io.authsvc}, or {@code bin/run}, {@code server-config}, tests) reading it. */
    public String feature() {
        return feature;
    }

    /** Whether the WAR reads it, and so checks it at start-up. */
    public boolean readByWar() {
        return !OUTSIDE.contains(feature);
    }

    /** The setting of that name, if the registry has one. */
    public static Optional<Setting> named(String name) {
        for (Setting setting : values()) {
            if (setting.name().equals(name)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
