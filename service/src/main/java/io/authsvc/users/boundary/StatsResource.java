package io.authsvc.users.boundary;

import io.authsvc.accounts.control.AccountStore;
import io.authsvc.accounts.control.Stats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /auth/stats}: account counts, for admins. */
@Path("stats")
public class StatsResource {

    @Inject
    AccountStore users;

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public Stats stats() {
        return users.stats();
    }
}
