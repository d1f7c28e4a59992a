package io.authsvc.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for statuses the container sends by itself (401 before JAX-RS runs, 403 of a role check):
 * a problem body instead of the server's HTML page. Registered through {@code error-page} entries.
 */
public class ProblemErrorServlet extends HttpServlet {

    public static final String PATH = "/__problem";
    /** A request attribute: the detail of the error that code of this WAR sent with {@code sendError}, when it said why. */
    public static final String DETAIL = ProblemErrorServlet.class.getName() + ".detail";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        if (status < 400) {
            status = HttpServletResponse.SC_NOT_FOUND;
        }
        ProblemJson.write(response, status, request.getAttribute(DETAIL) instanceof String detail
                ? detail : ProblemJson.defaultDetail(status));
    }
}
