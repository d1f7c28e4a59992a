package io.authsvc.problems;

import io.authsvc.security.ProblemJson;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS error (unknown path, wrong method, wrong media type, a role check, our own
 * {@link ProblemException}s) as a problem body, keeping the headers it carries ({@code Allow}, ...).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String detail = exception instanceof ProblemException ? exception.getMessage() : ProblemJson.defaultDetail(status);
        Response.ResponseBuilder response = Response.fromResponse(original)
                .entity(ProblemJson.of(status, detail))
                .type(ProblemJson.MEDIA_TYPE);
        if (exception instanceof NotAuthorizedException || status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
