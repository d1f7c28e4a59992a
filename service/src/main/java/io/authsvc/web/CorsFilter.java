package io.authsvc.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CORS for the origins of {@code CORS_ORIGINS} (none by default): pre-flight requests are answered here, before any
 * authentication, and answers to allowed origins carry the headers a browser needs to read them. Any other origin
 * gets no CORS header, so the browser refuses it.
 */
public class CorsFilter extends HttpFilter {

    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Accept, X-Request-Id";
    static final String EXPOSE_HEADERS = "Location, X-Total-Count, X-Next-Cursor, Retry-After, WWW-Authenticate, X-Request-Id";

    private Set<String> origins;
    private boolean anyOrigin;

    @Override
    public void init() {
        String setting = ConfigProvider.getConfig().getOptionalValue("CORS_ORIGINS", String.class).orElse("");
        origins = Arrays.stream(setting.split(","))
                .map(String::strip)
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        anyOrigin = origins.contains("*");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !(anyOrigin || origins.contains(origin))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.addHeader("Vary", "Origin");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        chain.doFilter(request, response);
    }
}
