package io.authsvc.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Each request's id: the caller's {@code X-Request-Id} when it is short and plain, otherwise a new UUID. Settled by
 * whichever sees the request first (the bearer-token mechanism runs before the WAR's filters), kept as a request
 * attribute, and current on the request's thread so that log lines written meanwhile can name it.
 */
public final class RequestIds {

    public static final String ATTRIBUTE = "io.authsvc.requestId";
    /** A request id a client or proxy sent is kept when it is short and plain; anything else is replaced. */
    private static final Pattern GIVEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    /** This request's id, settled now if nothing settled it before; it becomes current on this thread. */
    public static String settle(HttpServletRequest request) {
        String id = request.getAttribute(ATTRIBUTE) instanceof String settled ? settled : null;
        if (id == null) {
            id = accept(request.getHeader("X-Request-Id"));
            request.setAttribute(ATTRIBUTE, id);
        }
        CURRENT.set(id);
        return id;
    }

    /** The id of the request this thread works on, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    /** The request is over on this thread. */
    public static void clear() {
        CURRENT.remove();
    }

    /** {@code given} when it is a sane id, otherwise a new one. */
    static String accept(String given) {
        return given != null && GIVEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
