package io.authsvc.problems;

import io.authsvc.database.DatabaseFailures;
import io.authsvc.security.ProblemJson;
import io.authsvc.web.BodyTooLarge;
import io.authsvc.web.RequestFilter;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: an unreachable database is 503, a body over the limit 413, an unreadable body 400, anything else a 500 whose body
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
        if (causedBy(failure, BodyTooLarge.class)) {
            return problem(413, "The request body is over " + RequestFilter.MAX_BODY_BYTES / 1024 + " KB");
        }
        if (isUnreadableBody(failure)) {
            return problem(400, "The request body is not valid JSON");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, failure);
        return problem(500, "Internal error (incident " + incident + ")");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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
