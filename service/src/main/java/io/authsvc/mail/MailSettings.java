package io.authsvc.mail;

import io.authsvc.problems.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How mail leaves: through the SMTP server of {@code SMTP_HOST} ({@code SMTP_PORT}, {@code SMTP_USERNAME},
 * {@code SMTP_PASSWORD}, {@code SMTP_SECURITY}), or, for development only, as {@code .eml} files in
 * {@code MAIL_DIR} ({@code bin/run} sets it when there is no {@code SMTP_HOST}); from {@code MAIL_FROM}, with links
 * to {@code PASSWORD_RESET_URL}, {@code EMAIL_VERIFY_URL} and {@code EMAIL_REVERT_URL}, or to pages under {@code PUBLIC_URL}. Without one of
 * them the mail endpoints that need it answer 503 naming what is missing, and the start-up says so in a warning line.
 */
@ApplicationScoped
public class MailSettings {

    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    @Inject
    @ConfigProperty(name = "SMTP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "SMTP_PORT")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "SMTP_USERNAME")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "SMTP_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "SMTP_SECURITY", defaultValue = "starttls")
    String security;

    @Inject
    @ConfigProperty(name = "MAIL_FROM")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "MAIL_DIR")
    Optional<String> directory;

    @Inject
    @ConfigProperty(name = "PASSWORD_RESET_URL")
    Optional<String> resetUrl;

    @Inject
    @ConfigProperty(name = "EMAIL_VERIFY_URL")
    Optional<String> verifyUrl;

    @Inject
    @ConfigProperty(name = "EMAIL_REVERT_URL")
    Optional<String> revertUrl;

    @Inject
    @ConfigProperty(name = "PUBLIC_URL")
    Optional<String> publicUrl;

    private InternetAddress sender;
    /** Made once: the settings do not change while the WAR runs. */
    private Session session;

    @PostConstruct
    void init() {
        security = security.strip().toLowerCase(Locale.ROOT);
        if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
            throw new IllegalStateException("SMTP_SECURITY is starttls, tls or none, not '" + security + "'");
        }
        if (from.filter(value -> !value.isBlank()).isPresent()) {
            try {
                sender = new InternetAddress(from.get().strip(), true);
                sender.validate();
            } catch (AddressException e) {
                throw new IllegalStateException("MAIL_FROM is not a mail address: " + e.getMessage());
            }
        }
        session = Session.getInstance(smtpHost().map(this::smtpProperties).orElseGet(Properties::new));
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        transportMissing().ifPresentOrElse(setting -> LOG.warning("mail is off: " + setting + " is not set; the"
                + " password-reset and email-verification endpoints answer 503 until it is (see"
                + " docs/mail.md)"), () -> {
                    for (Page page : Page.values()) {
                        missing(page).ifPresent(setting -> LOG.warning("mail: " + setting + " is not set; the "
                                + page.flow + " endpoints answer 503 until it is (see docs/mail.md)"));
                    }
                });
    }

    /** The pages of the client that mails link to, each with the setting that names it and its default path. */
    public enum Page {
        RESET_PASSWORD("PASSWORD_RESET_URL", "reset-password", "password-reset"),
        VERIFY_EMAIL("EMAIL_VERIFY_URL", "verify-email", "email-verification"),
        REVERT_EMAIL("EMAIL_REVERT_URL", "revert-email", "email-change revert");

        final String setting;
        final String path;
        final String flow;

        Page(String setting, String path, String flow) {
            this.setting = setting;
            this.path = path;
            this.flow = flow;
        }
    }

    /** The setting that delivering any mail still needs, if any. */
    public Optional<String> transportMissing() {
        if (smtpHost().isEmpty() && dir().isEmpty()) {
            return Optional.of("SMTP_HOST");
        }
        if (sender == null) {
            return Optional.of("MAIL_FROM");
        }
        return Optional.empty();
    }

    /** The setting that the mails linking to {@code page} still need, if any. */
    public Optional<String> missing(Page page) {
        return transportMissing().or(() -> link(page).isEmpty()
                ? Optional.of("PUBLIC_URL (or " + page.setting + ")") : Optional.empty());
    }

    /** @throws ProblemException 503 naming the setting that the mails linking to {@code page} miss */
    public void require(Page page) {
        missing(page).ifPresent(setting -> {
            throw new ProblemException(503, "Mail is not configured on this server: " + setting + " is not set");
        });
    }

    /** The page of the client that takes a mail's token: its own setting, else under {@code PUBLIC_URL}. */
    public Optional<String> link(Page page) {
        Optional<String> own = (switch (page) {
            case RESET_PASSWORD -> resetUrl;
            case VERIFY_EMAIL -> verifyUrl;
            case REVERT_EMAIL -> revertUrl;
        }).map(String::strip)
                .filter(url -> !url.isEmpty());
        if (own.isPresent()) {
            return own;
        }
        return publicUrl.map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> (url.endsWith("/") ? url : url + "/") + page.path);
    }

    InternetAddress sender() {
        return sender;
    }

    Optional<String> smtpHost() {
        return host.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Where mails go as files, when there is no SMTP server (development). */
    Optional<Path> dir() {
        return smtpHost().isPresent() ? Optional.empty()
                : directory.map(String::strip).filter(value -> !value.isEmpty()).map(Path::of);
    }

    /** The Jakarta Mail session: for the SMTP server, or a bare one for writing files (MAIL_DIR). */
    Session session() {
        return session;
    }

    /** Connect, read and write bounded, so that a stuck server is a failure, not a stuck sender. */
    private Properties smtpProperties(String smtpHost) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol() + ".";
        properties.setProperty("mail.transport.protocol", protocol());
        properties.setProperty(prefix + "host", smtpHost);
        properties.setProperty(prefix + "port", String.valueOf(smtpPort()));
        properties.setProperty(prefix + "connectiontimeout", "10000");
        properties.setProperty(prefix + "timeout", "10000");
        properties.setProperty(prefix + "writetimeout", "10000");
        properties.setProperty(prefix + "auth", String.valueOf(username.isPresent()));
        if (security.equals("starttls")) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (!security.equals("none")) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    String protocol() {
        return security.equals("tls") ? "smtps" : "smtp";
    }

    int smtpPort() {
        return port.orElse(switch (security) {
            case "tls" -> 465;
            case "none" -> 25;
            default -> 587;
        });
    }

    Optional<String> username() {
        return username;
    }

    Optional<String> password() {
        return password;
    }
}
