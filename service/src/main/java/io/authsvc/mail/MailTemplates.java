package io.authsvc.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The wording of the mails: {@code <name>.txt} (a first line {@code Subject: ...}, a blank line, the text) and
 * {@code <name>.html}, from {@code MAIL_TEMPLATES_DIR} when it holds them, else the WAR's {@code mail/}. Each
 * {@code {{member}}} is replaced by its value, once, escaped for HTML in the HTML part; a subject takes no value of
 * a user's, so that nothing a user typed can reach a header.
 */
@ApplicationScoped
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");

    @Inject
    @ConfigProperty(name = "MAIL_TEMPLATES_DIR")
    Optional<String> directory;

    /** The mail {@code name} to {@code recipient}, with {@code values} in its parts. */
    public Mail render(String name, String recipient, Map<String, String> values) {
        String text = read(name + ".txt");
        int end = text.indexOf('\n');
        if (!text.startsWith("Subject:") || end < 0) {
            throw new IllegalStateException("mail template " + name + ".txt must begin with a line 'Subject: ...'");
        }
        String subject = text.substring("Subject:".length(), end).strip();
        String body = text.substring(end + 1).replaceFirst("^\r?\n", "");
        return new Mail(recipient, subject, fill(body, values, false), fill(read(name + ".html"), values, true));
    }

    /**
     * One pass over the template: each placeholder is replaced where it stands, and what a value holds is never read
     * again, so that a {@code {{link}}} typed into a name or an address stays those characters in the mail.
     */
    static String fill(String template, Map<String, String> values, boolean html) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder(template.length() + 256);
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String text = values.containsKey(name) ? Objects.requireNonNullElse(values.get(name), "")
                    : placeholder.group();
            placeholder.appendReplacement(result, Matcher.quoteReplacement(html && values.containsKey(name)
                    ? escape(text) : text));
        }
        placeholder.appendTail(result);
        return result.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String read(String file) {
        try {
            Optional<Path> own = directory.map(String::strip).filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, file))
                    .filter(Files::isRegularFile);
            if (own.isPresent()) {
                return Files.readString(own.get(), StandardCharsets.UTF_8);
            }
            try (InputStream bundled = MailTemplates.class.getClassLoader().getResourceAsStream("mail/" + file)) {
                if (bundled == null) {
                    throw new IllegalStateException("no mail template " + file);
                }
                return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mail template " + file, e);
        }
    }
}
