package io.authsvc.problems;

import io.authsvc.database.DatabaseFailures;
import io.authsvc.security.ProblemJson;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.UnsupportedEncodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: an unreachable database is 503, a transaction that kept losing to concurrent ones 503 with
 * {@code Retry-After}, a body over the limit 413, an unreadable body 400, anything else a 500 whose body
 * names an incident id and nothing of the failure (no class names, no SQL, no stack trace).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            LOG.log(Level.WARNING, "database unavailable: {0}", rootMessage(failure));
            return problem(503, "The database cannot be reached; try again shortly");
        }
        if (DatabaseFailures.isConflict(failure)) {
            // A transaction that lost its race to others this many times (ConflictRetry): nothing was changed.
            LOG.log(Level.WARNING, "transaction aborted by concurrent ones: {0}", rootMessage(failure));
            return Response.fromResponse(problem(503, "The account is busy with other changes; try again"))
                    .header("Retry-After", 1).build();
        }
        Optional<BodyTooLarge> tooLarge = cause(failure, BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return problem(413, "The request body is over " + tooLarge.get().limit() / 1024 + " KB");
        }
        if (isUnreadableBody(failure)) {
            return problem(400, "The request body is not valid JSON");
        }
        if (causedBy(failure, UnsupportedEncodingException.class) || causedBy(failure, UnsupportedCharsetException.class)
                || causedBy(failure, IllegalCharsetNameException.class)) {
            // a charset parameter the JVM does not know (RESTEasy reads a form in it before any resource runs)
            return problem(415, "Unsupported charset in Content-Type");
        }
        int clientError = containerClientError(failure);
        if (clientError > 0) {
            return problem(clientError, ProblemJson.defaultDetail(clientError));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, failure);
        return problem(500, "Internal error (incident " + incident + ")");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /**
     * The status of a request the container itself found bad, where it says so with an exception of its own rather
     * than a WebApplicationException: RESTEasy's {@code org.jboss.resteasy.spi.Failure} (an unparsable Accept header,
     * for one) carries a 4xx error code. Reached by name, as the WAR does not link against RESTEasy; 0 for anything else.
     */
    static int containerClientError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals("org.jboss.resteasy.spi.Failure")) {
                    try {
                        Object code = type.getMethod("getErrorCode").invoke(cause);
                        if (code instanceof Integer status && status >= 400 && status < 500) {
                            return status;
                        }
                        if (code instanceof Integer status && status <= 0
                                && cause.getClass().getName().equals("org.jboss.resteasy.spi.LoggableFailure")) {
                            return 400;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private static boolean isUnreadableBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException || cause instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type(ProblemJson.MEDIA_TYPE).entity(ProblemJson.of(status, detail)).build();
    }
}
