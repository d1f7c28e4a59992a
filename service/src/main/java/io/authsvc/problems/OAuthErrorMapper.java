package io.authsvc.problems;

import io.authsvc.security.ProblemJson;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An {@link OAuthError} as a problem body with {@code error} and {@code error_description} beside {@code detail}. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError exception) {
        int status = exception.getResponse().getStatus();
        return Response.status(status)
                .entity(ProblemJson.builder(status, exception.getMessage())
                        .add("error", exception.error())
                        .add("error_description", exception.getMessage())
                        .build())
                .type(ProblemJson.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }
}
