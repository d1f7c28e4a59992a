package io.authsvc.web.body;

import io.authsvc.problems.BodyTooLarge;
import io.authsvc.problems.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Makes whatever a body reader refuses a 400. The server's JSON reader (Parsson) signals nesting past its limit
 * of 1000 and numbers of over 1100 digits with plain runtime exceptions, which would otherwise be 500s; a body
 * cut off at the size limit stays a 413.
 */
@Provider
public class UnreadableBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof BodyTooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            throw new ProblemException(400, MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())
                    ? "The request body is not valid JSON" : "The request body could not be read");
        }
    }
}
