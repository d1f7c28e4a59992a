package io.authsvc.web;

import io.authsvc.security.RequestIds;
import io.authsvc.web.address.ClientAddressFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The current request's id and client address, as {@link RequestIdFilter} and {@link ClientAddressFilter} settled them. */
@RequestScoped
public class ClientRequest {

    @Inject
    HttpServletRequest request;

    public String id() {
        return request.getAttribute(RequestIds.ATTRIBUTE) instanceof String id ? id : "-";
    }

    public String address() {
        return ClientAddressFilter.address(request);
    }
}
