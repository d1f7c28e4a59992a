package io.authsvc.web;

import io.authsvc.security.ProblemJson;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every request and response under /auth gets: {@code X-Content-Type-Options: nosniff} (also on error
 * pages), a request id, the client's address, and a body of at most 64 KB: a larger declared length is
 * refused unread, a longer chunked body stops being read past the limit (both 413).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR,
        DispatcherType.FORWARD, DispatcherType.ASYNC})
public class RequestFilter extends HttpFilter {

    public static final long MAX_BODY_BYTES = 64 * 1024;
    static final String REQUEST_ID = "io.authsvc.requestId";
    static final String CLIENT_ADDRESS = "io.authsvc.clientAddress";
    /** A request id a client or proxy sent is kept when it is short and plain; anything else is replaced. */
    private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    ClientAddressResolver clientAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // An error page may be the first this filter sees of a request (the container's 401 for a protected
        // path comes before the filters): settle the id and address then.
        if (!(request.getAttribute(REQUEST_ID) instanceof String)) {
            String given = request.getHeader("X-Request-Id");
            request.setAttribute(REQUEST_ID, given != null && GIVEN_ID.matcher(given).matches()
                    ? given : UUID.randomUUID().toString());
            request.setAttribute(CLIENT_ADDRESS, clientAddresses.resolve(request));
        }
        response.setHeader("X-Request-Id", (String) request.getAttribute(REQUEST_ID));
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            ProblemJson.write(response, 413, "The request body is over " + MAX_BODY_BYTES / 1024 + " KB");
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    /** The request's charset when it names one this JVM has, otherwise the servlet default. */
    static Charset charset(String encoding) {
        try {
            return encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The request with its body stream capped; the reader goes through the same cap. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), MAX_BODY_BYTES);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }
    }
}
