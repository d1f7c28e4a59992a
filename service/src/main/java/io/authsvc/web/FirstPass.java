package io.authsvc.web;

import jakarta.servlet.ServletRequest;

/**
 * A request passes the filters once per dispatch (the request, then an error page or a forward): the filters that
 * count, time or settle something do it on the first pass only, which may itself be an error dispatch (the
 * container's 401 for a protected path comes before any filter).
 */
public final class FirstPass {

    private FirstPass() {
    }

    /** True the first time the filter that owns {@code key} sees this request; marks it seen. */
    public static boolean of(ServletRequest request, String key) {
        if (request.getAttribute(key) != null) {
            return false;
        }
        request.setAttribute(key, Boolean.TRUE);
        return true;
    }
}
