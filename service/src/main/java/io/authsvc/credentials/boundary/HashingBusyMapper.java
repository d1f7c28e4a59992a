package io.authsvc.credentials.boundary;

import io.authsvc.credentials.control.HashingBusy;
import io.authsvc.security.ProblemJson;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with {@code Retry-After} when a login, registration or password change cannot start hashing in time. */
@Provider
public class HashingBusyMapper implements ExceptionMapper<HashingBusy> {

    @Override
    public Response toResponse(HashingBusy busy) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, busy.retryAfterSeconds())
                .type(ProblemJson.MEDIA_TYPE)
                .entity(ProblemJson.of(503, "The service is busy checking passwords; try again in "
                        + busy.retryAfterSeconds() + " s"))
                .build();
    }
}
