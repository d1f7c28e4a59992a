package io.authsvc.settings;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a setting's value must look like: each type says, for a value given, what is wrong with it (without the
 * value, which the caller adds unless it is a secret), and describes itself for {@code docs/settings.md}.
 */
public sealed interface SettingType {

    /** What is wrong with {@code value} (stripped, not empty), as "must be ..."; empty when it is good. */
    Optional<String> problem(String value);

    /** The type as {@code docs/settings.md} names it. */
    String describe();

    /** Whether a bad value may be shown in the start-up's message: never for a secret. */
    default boolean showsValue() {
        return true;
    }

    static SettingType whole(long min, long max) {
        return new Whole(min, max);
    }

    /** From {@code min} up to the largest {@code int}, which every reader's field holds. */
    static SettingType atLeast(long min) {
        return new Whole(min, Integer.MAX_VALUE);
    }

    /** Any text: a name, a path, a list checked by its reader. */
    record Text() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "text";
        }
    }

    /** Text that must never appear in a log line: a password, a key, a URL that holds a password. */
    record Secret() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "secret";
        }

        @Override
        public boolean showsValue() {
            return false;
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    record Whole(long min, long max) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                long number = Long.parseLong(value);
                return number >= min && number <= max ? Optional.empty() : Optional.of(expected());
            } catch (NumberFormatException e) {
                return Optional.of(expected());
            }
        }

        private String expected() {
            return max == Integer.MAX_VALUE ? "must be a whole number of at least " + min
                    : "must be a whole number from " + min + " to " + max;
        }

        @Override
        public String describe() {
            return max == Integer.MAX_VALUE ? "whole number ≥ " + min : "whole number " + min + "–" + max;
        }
    }

    /** {@code true} or {@code false}; MicroProfile Config's other words for them ({@code yes}, {@code on}, 1) too. */
    record Flag() implements SettingType {
        private static final List<String> WORDS = List.of("true", "false", "yes", "no", "y", "n", "on", "off", "1",
                "0");

        @Override
        public Optional<String> problem(String value) {
            return WORDS.contains(value.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be true or false");
        }

        @Override
        public String describe() {
            return "true/false";
        }
    }

    /** One of a few words, in any case when {@code anyCase}. */
    record OneOf(List<String> words, boolean anyCase) implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            String given = anyCase ? value.toLowerCase(Locale.ROOT) : value;
            return words.contains(given) ? Optional.empty()
                    : Optional.of("must be " + String.join(" or ", words));
        }

        @Override
        public String describe() {
            return String.join(" \\| ", words);
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    record WebAddress() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.empty()
                        : Optional.of("must be an absolute http or https URL");
            } catch (URISyntaxException e) {
                return Optional.of("must be an absolute http or https URL");
            }
        }

        @Override
        public String describe() {
            return "URL";
        }
    }

    /** A mail address ({@code auth@example.com}, or {@code Auth <auth@example.com>}). */
    record MailAddress() implements SettingType {
        @Override
        public Optional<String> problem(String value) {
            try {
                new InternetAddress(value, true).validate();
                return Optional.empty();
            } catch (AddressException e) {
                return Optional.of("must be a mail address");
            }
        }

        @Override
        public String describe() {
            return "mail address";
        }
    }
}
