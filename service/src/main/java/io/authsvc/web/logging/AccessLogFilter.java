package io.authsvc.web.logging;

import io.authsvc.security.RequestIds;
import io.authsvc.web.FirstPass;
import io.authsvc.web.address.ClientAddressFilter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** With {@code ACCESS_LOG_FILE} set, each request is written to it once answered ({@link AccessLog}). */
public class AccessLogFilter extends HttpFilter {

    private static final String KEY = AccessLogFilter.class.getName();

    @Inject
    AccessLog accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!accessLog.enabled() || !FirstPass.of(request, KEY)) {
            chain.doFilter(request, response);
            return;
        }
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        String id = RequestIds.settle(request); // settled already by RequestIdFilter, which comes first
        try {
            chain.doFilter(request, response);
        } finally {
            accessLog.record(start, startNanos, id,
                    ClientAddressFilter.address(request), request.getMethod(), request.getRequestURI(),
                    response.getStatus(), request.getUserPrincipal());
        }
    }
}
