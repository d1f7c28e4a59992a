package io.authsvc.web;

import io.authsvc.security.ProblemJson;
import io.authsvc.security.RequestIds;
import jakarta.inject.Inject;
import io.authsvc.host.ClientConnections;
import io.authsvc.http.RawRequest;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What every request and response under /auth gets: {@code X-Content-Type-Options: nosniff} (also on error
 * pages), a request id, the client's address, and a body of at most 64 KB: a larger declared length is
 * refused unread, a longer chunked body stops being read past the limit (both 413); a body whose framing two parsers
 * could read differently is refused unread ({@link RawRequest}, 400). Each request is counted
 * in flight for the graceful shutdown and written to the access log.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR,
        DispatcherType.FORWARD, DispatcherType.ASYNC})
public class RequestFilter extends HttpFilter {

    public static final long MAX_BODY_BYTES = 64 * 1024;
    static final String CLIENT_ADDRESS = "io.authsvc.clientAddress";
    /** Set while the outermost pass of this filter over a request runs: it alone counts, logs and closes. */
    private static final String STARTED = "io.authsvc.started";

    @Inject
    ClientAddressResolver clientAddresses;

    @Inject
    GracefulShutdown shutdown;

    @Inject
    AccessLog accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // The bearer-token mechanism settles the id before any filter; an error page may be the first this filter
        // sees of a request (the container's 401 for a protected path comes before the filters).
        String id = RequestIds.settle(request);
        response.setHeader("X-Request-Id", id);
        if (request.getAttribute(STARTED) != null) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(STARTED, Boolean.TRUE);
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        String address = clientAddresses.resolve(request);
        request.setAttribute(CLIENT_ADDRESS, address);
        shutdown.begin();
        try {
            if (shutdown.draining()) {
                response.setHeader("Connection", "close");
            }
            if (request.getDispatcherType() != DispatcherType.REQUEST) {
                chain.doFilter(request, response);
            } else if (RawRequest.encodedDotSegment(request.getRequestURI())) {
                ProblemJson.write(response, 400, RawRequest.DOT_SEGMENT_DETAIL);
            } else if (RawRequest.ambiguous(name -> RawRequest.lines(request.getHeaders(name)), request.getProtocol())) {
                response.setHeader("Connection", "close");
                ProblemJson.write(response, 400, RawRequest.FRAMING_DETAIL);
            } else if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                response.setHeader("Connection", "close");
                ProblemJson.write(response, 413, "The request body is over " + MAX_BODY_BYTES / 1024 + " KB");
            } else {
                // A call queued for hashing leaves the queue when its client hangs up.
                Waiting.set(ClientConnections.closed(request));
                chain.doFilter(new LimitedBody(request), new ClosingWhenDraining(response, shutdown));
            }
        } finally {
            Waiting.clear();
            if (shutdown.draining() && !response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            shutdown.end();
            if (accessLog.enabled()) {
                accessLog.record(start, startNanos, id, address, request.getMethod(), request.getRequestURI(),
                        response.getStatus(), request.getUserPrincipal());
            }
            RequestIds.clear();
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
     * The response of a call that may outlive SIGTERM (a login hashing when it comes): {@code Connection: close}
     * is set when its body begins, if by then the server is draining, so its client does not send another
     * request on the connection. A response without a body gets it in the filter, before it is committed.
     */
    private static final class ClosingWhenDraining extends HttpServletResponseWrapper {

        private final GracefulShutdown shutdown;

        ClosingWhenDraining(HttpServletResponse response, GracefulShutdown shutdown) {
            super(response);
            this.shutdown = shutdown;
        }

        private void closeIfDraining() {
            if (shutdown.draining() && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            closeIfDraining();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            closeIfDraining();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            closeIfDraining();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            closeIfDraining();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            closeIfDraining();
            super.sendError(status);
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
