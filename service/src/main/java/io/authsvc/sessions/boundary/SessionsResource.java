package io.authsvc.sessions.boundary;

import io.authsvc.callers.control.CurrentUser;
import io.authsvc.sessions.control.SessionNotFound;
import io.authsvc.sessions.control.Sessions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** {@code GET /auth/me/sessions} and {@code DELETE /auth/me/sessions/{id}}: the caller's sessions, and ending one. */
@Path("me/sessions")
public class SessionsResource {

    @Inject
    CurrentUser caller;

    @Inject
    Sessions sessions;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SessionResponse> list() {
        UUID current = caller.session().orElse(null);
        return sessions.list(caller.get().id()).stream().map(session -> SessionResponse.from(session, current)).toList();
    }

    /** Ends one of the caller's sessions (its own current one included); 404 for any id that is not one of them. */
    @DELETE
    @Path("{session_id}")
    @RolesAllowed("user")
    public Response end(@PathParam("session_id") String id) {
        UUID session;
        try {
            session = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new SessionNotFound();
        }
        sessions.end(session, caller.get().id());
        return Response.noContent().build();
    }
}
