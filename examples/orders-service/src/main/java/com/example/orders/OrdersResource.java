package com.example.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One endpoint for any user, one for admins; the caller comes from the auth service's token, no database. */
@RequestScoped
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    SecurityContext security;

    @GET
    @Path("mine")
    @RolesAllowed("user")
    public String mine() {
        return "{\"caller\": \"" + security.getCallerPrincipal().getName() + "\", \"orders\": []}";
    }

    @GET
    @Path("all")
    @RolesAllowed("admin")
    public String all() {
        return "{\"orders\": []}";
    }
}
