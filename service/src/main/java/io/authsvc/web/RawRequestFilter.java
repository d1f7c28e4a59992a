package io.authsvc.web;

import io.authsvc.http.RawRequest;
import io.authsvc.security.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request that a proxy and this server could read differently is refused unread ({@link RawRequest}, 400): a
 * path with a dot segment written with escapes, or a body whose framing two parsers could read differently (then
 * its connection is closed too).
 */
public class RawRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (RawRequest.encodedDotSegment(request.getRequestURI())) {
            ProblemJson.write(response, 400, RawRequest.DOT_SEGMENT_DETAIL);
        } else if (RawRequest.ambiguous(name -> RawRequest.lines(request.getHeaders(name)), request.getProtocol())) {
            response.setHeader("Connection", "close");
            ProblemJson.write(response, 400, RawRequest.FRAMING_DETAIL);
        } else {
            chain.doFilter(request, response);
        }
    }
}
