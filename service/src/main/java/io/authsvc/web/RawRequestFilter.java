package io.authsvc.web;

import io.authsvc.http.HeadSyntax;
import io.authsvc.http.QueryCredentials;
import io.authsvc.http.RawRequest;
import io.authsvc.security.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A request that a proxy and this server could read differently is refused unread ({@link RawRequest}, 400): a
 * path with a dot segment written with escapes, two {@code Host} lines, or a body whose framing two parsers could
 * read differently (then its connection is closed too). So is a query string that names a credential ({@link QueryCredentials}), on any
 * path and method, before anything reads or logs the request's URL.
 */
public class RawRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        String credential = query == null ? null : QueryCredentials.credentialIn(query);
        if (credential != null) {
            ProblemJson.write(response, 400, QueryCredentials.DETAIL + credential);
        } else if (RawRequest.encodedDotSegment(request.getRequestURI())) {
            ProblemJson.write(response, 400, RawRequest.DOT_SEGMENT_DETAIL);
        } else if (twoHosts(request)) {
            response.setHeader("Connection", "close");
            ProblemJson.write(response, 400, HeadSyntax.DETAIL);
        } else if (RawRequest.ambiguous(name -> RawRequest.lines(request.getHeaders(name)), request.getProtocol())) {
            response.setHeader("Connection", "close");
            ProblemJson.write(response, 400, RawRequest.FRAMING_DETAIL);
        } else {
            chain.doFilter(query == null ? request : new NoServletParameters(request), response);
        }
    }

    /**
     * Two {@code Host} lines (RFC 9112 §3.2: a 400), which a server of many applications may hand on (WildFly and
     * the listener guard of Payara Micro refuse them before).
     */
    private static boolean twoHosts(HttpServletRequest request) {
        Enumeration<String> hosts = request.getHeaders("Host");
        if (hosts == null || !hosts.hasMoreElements()) {
            return false;
        }
        hosts.nextElement();
        return hosts.hasMoreElements();
    }

    /**
     * A request with a query string, whose parameters the servlet API does not show. Nothing in this WAR reads them
     * there (JAX-RS reads the query itself, forms go through {@code FormReader}); Jersey does, for a form with an
     * empty body, and then logs a warning with the whole URL, query and all.
     */
    private static final class NoServletParameters extends HttpServletRequestWrapper {

        NoServletParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
