package io.authsvc.web;

import io.authsvc.host.ClientConnections;
import io.authsvc.problems.BodyTooLarge;
import io.authsvc.security.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A body of at most 64 KB: a larger declared length is refused unread (413, connection closed), a longer chunked
 * body stops being read past the limit ({@link BodyTooLarge}, 413). Meanwhile a call queued for hashing can tell
 * whether its client is still there ({@link Waiting}).
 */
public class BodyLimitFilter extends HttpFilter {

    public static final long MAX_BODY_BYTES = 64 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setHeader("Connection", "close");
            ProblemJson.write(response, 413, "The request body is over " + MAX_BODY_BYTES / 1024 + " KB");
            return;
        }
        // A call queued for hashing leaves the queue when its client hangs up.
        Waiting.set(ClientConnections.closed(request));
        try {
            chain.doFilter(new LimitedBody(request, response), response);
        } finally {
            Waiting.clear();
        }
    }

    /** The request's charset when it names one this JVM has, otherwise the servlet default. */
    static Charset charset(String encoding) {
        try {
            return encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /**
     * The request with its body stream capped; the reader goes through the same cap. A body that cannot be read to
     * its end (Payara answers 400 when a client stalls past the read time-out) ends its connection with the answer:
     * kept alive, it held the stalled client's socket for another keep-alive time-out.
     */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), MAX_BODY_BYTES, () -> {
                    if (!response.isCommitted()) {
                        response.setHeader("Connection", "close");
                    }
                });
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
        }
    }
}
