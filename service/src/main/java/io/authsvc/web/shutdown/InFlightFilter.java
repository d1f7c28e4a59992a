package io.authsvc.web.shutdown;

import io.authsvc.web.FirstPass;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Each request is counted in flight for the graceful shutdown ({@link GracefulShutdown}); once SIGTERM has come,
 * its answer carries {@code Connection: close}, so that its client sends no further request on that connection.
 */
public class InFlightFilter extends HttpFilter {

    private static final String KEY = InFlightFilter.class.getName();

    @Inject
    GracefulShutdown shutdown;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!FirstPass.of(request, KEY)) {
            chain.doFilter(request, response);
            return;
        }
        shutdown.begin();
        try {
            if (shutdown.draining()) {
                response.setHeader("Connection", "close");
            }
            chain.doFilter(request, request.getDispatcherType() == DispatcherType.REQUEST
                    ? new ClosingWhenDraining(response, shutdown) : response);
        } finally {
            if (shutdown.draining() && !response.isCommitted()) {
                response.setHeader("Connection", "close");
            }
            shutdown.end();
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
}
