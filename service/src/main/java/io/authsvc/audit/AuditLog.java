package io.authsvc.audit;

import io.authsvc.web.logging.LineFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security audit trail: one JSON line per event on the {@code io.authsvc.audit} logger, and appended to
 * {@code AUDIT_LOG_FILE} when that is set. A line holds the event, the account, the caller who acted (when
 * another), the client address, the request id and the time; never a password, a hash, a token or the text a
 * client typed as its identifier. The caller names the origin ({@link Origin}): the audit trail reads no request of
 * its own, so that any thread can record.
 */
@ApplicationScoped
public class AuditLog {

    public static final String LOGGER = "io.authsvc.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Inject
    @ConfigProperty(name = "AUDIT_LOG_FILE")
    Optional<String> file;

    private Optional<LineFile> lines = Optional.empty();

    @PostConstruct
    void open() {
        lines = LineFile.open("AUDIT_LOG_FILE", file);
    }

    @PreDestroy
    void close() {
        lines.ifPresent(LineFile::close);
    }

    /**
     * An event about {@code user} (null when no account is known) done by {@code actor} (null, or {@code user}
     * itself: the user or an anonymous client; another account: an admin acting on it), from {@code origin}.
     */
    public void record(AuditEvent event, UUID user, UUID actor, Origin origin) {
        write(event, user, actor, origin.address(), origin.requestId());
    }

    private void write(AuditEvent event, UUID user, UUID actor, String address, String requestId) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("event", event.key());
        line.add("user", user == null ? "-" : user.toString());
        if (actor != null && !actor.equals(user)) {
            line.add("actor", actor.toString());
        }
        line.add("address", address).add("request_id", requestId);
        write(line.build().toString());
    }

    private void write(String line) {
        LOG.info(line);
        lines.ifPresent(file -> file.append(line));
    }
}
