package com.example.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A user endpoint and an admin endpoint, guarded by the server's MicroProfile JWT. */
@RequestScoped
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    @Inject
    JsonWebToken token;

    @GET
    @Path("mine")
    @RolesAllowed("user")
    public String mine() {
        return "{\"caller\": \"" + token.getName() + "\", \"reports\": []}";
    }

    @GET
    @Path("all")
    @RolesAllowed("admin")
    public String all() {
        return "{\"reports\": []}";
    }
}
