package io.authsvc.audit;

import io.authsvc.web.ClientRequest;
import jakarta.enterprise.context.ContextNotActiveException;

/**
 * Where an audited event comes from: the client's address and the request's id, as values, so that work done after
 * the answer, on another thread, at start-up or by the mail sender can name its origin (or {@link #SERVICE}).
 */
public record Origin(String address, String requestId) {

    /** The service itself, outside any request (start-up, a scheduled task). */
    public static final Origin SERVICE = new Origin("-", "-");

    /** The current request's client and id, read now (on the request's thread); {@link #SERVICE} outside one. */
    public static Origin of(ClientRequest request) {
        try {
            return new Origin(request.address(), request.id());
        } catch (ContextNotActiveException outside) {
            return SERVICE;
        }
    }
}
