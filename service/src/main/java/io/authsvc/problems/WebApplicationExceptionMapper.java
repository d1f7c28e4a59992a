package io.authsvc.problems;

import io.authsvc.security.BearerTokenMechanism;
import io.authsvc.security.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS error (unknown path, wrong method, wrong media type, a role check, our own
 * {@link ProblemException}s) as a problem body, keeping the headers it carries ({@code Allow}, ...).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (exception instanceof ForbiddenException && !(exception instanceof ProblemException)
                && security != null && security.getUserPrincipal() == null) {
            // RESTEasy's @RolesAllowed check (WildFly) refuses a caller without a valid token with 403; the
            // contract, and Payara, say 401. A role check that fails for a known caller stays 403.
            if (BearerTokenMechanism.storeFailed(request)) {
                return Response.status(503).entity(ProblemJson.of(503,
                        ProblemJson.defaultDetail(503))).type(ProblemJson.MEDIA_TYPE).build();
            }
            status = 401;
            original = Response.status(401).build();
        }
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
