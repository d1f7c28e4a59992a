package io.authsvc.web.address;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The client's address, settled once per request ({@link ClientAddressResolver}: the peer, or behind
 * {@code TRUSTED_PROXIES} the last untrusted address of {@code X-Forwarded-For}) for the throttles, the audit trail
 * and the access log.
 */
public class ClientAddressFilter extends HttpFilter {

    static final String ATTRIBUTE = "io.authsvc.clientAddress";

    @Inject
    ClientAddressResolver clientAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, clientAddresses.resolve(request));
        }
        chain.doFilter(request, response);
    }

    /** The address this filter settled, or the peer's when the request never passed it. */
    public static String address(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String address
                ? address : ClientAddresses.normalize(request.getRemoteAddr());
    }
}
