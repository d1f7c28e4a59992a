package io.authsvc.web;

import io.authsvc.security.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First of the filters (web.xml): every response, error pages included, carries {@code X-Content-Type-Options:
 * nosniff} and the request's {@code X-Request-Id}, settled by {@link RequestIds#settle} (the bearer-token mechanism,
 * which runs before any filter, may have settled it already); the id leaves the thread with the request.
 */
public class RequestIdFilter extends HttpFilter {

    private static final String KEY = RequestIdFilter.class.getName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Request-Id", RequestIds.settle(request));
        if (!FirstPass.of(request, KEY)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            RequestIds.clear();
        }
    }
}
