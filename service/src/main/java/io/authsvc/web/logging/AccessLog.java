package io.authsvc.web.logging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access log: one JSON line per request to this WAR, appended to {@code ACCESS_LOG_FILE} when that is set
 * (otherwise there is none). A line holds the time the request came, its id, the client address, the method, the
 * path (without the query, which may hold a search for someone's email), the status, the milliseconds it took and
 * the caller's account id when a token named one.
 */
@ApplicationScoped
public class AccessLog {

    @Inject
    @ConfigProperty(name = "ACCESS_LOG_FILE")
    Optional<String> file;

    private Optional<LineFile> lines = Optional.empty();

    @PostConstruct
    void open() {
        lines = LineFile.open("ACCESS_LOG_FILE", file);
    }

    @PreDestroy
    void close() {
        lines.ifPresent(LineFile::close);
    }

    public boolean enabled() {
        return lines.isPresent();
    }

    /** One request, answered; {@code startNanos} from {@link System#nanoTime()} when it came. */
    public void record(Instant start, long startNanos, String requestId, String address, String method, String path,
            int status, Principal caller) {
        if (lines.isEmpty()) {
            return;
        }
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("time", start.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("request_id", requestId)
                .add("address", address)
                .add("method", method)
                .add("path", path)
                .add("status", status)
                .add("duration_ms", Math.round((System.nanoTime() - startNanos) / 10_000.0) / 100.0)
                .add("user", caller == null ? "-" : caller.getName());
        lines.get().append(line.build().toString());
    }
}
