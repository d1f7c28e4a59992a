package io.authsvc.users.boundary;

import io.authsvc.accounts.control.AccountNotFound;
import io.authsvc.accounts.control.AccountReader;
import io.authsvc.accounts.control.UserPage;
import io.authsvc.callers.control.CurrentUser;
import io.authsvc.users.control.AccountAccess;
import io.authsvc.users.control.AccountChange;
import io.authsvc.users.control.AccountDeletion;
import io.authsvc.users.control.RequestedChanges;
import io.authsvc.users.control.SignOut;
import io.authsvc.web.body.JsonBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** {@code /auth/} and {@code /auth/{user_id}}: the list for admins, and one account for itself or an admin. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    AccountReader accounts;

    @Inject
    CurrentUser caller;

    @Inject
    RegistrationHttp registration;

    @Inject
    AccountChange change;

    @Inject
    AccountDeletion deletion;

    @Inject
    SignOut signOut;

    /** The old service's way to register, kept for its clients. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonValue body) {
        return registration.register(body);
    }

    @GET
    @RolesAllowed("admin")
    public Response list(@QueryParam("skip") String skip, @QueryParam("limit") String limit,
            @QueryParam("after") String after, @QueryParam("is_active") String isActive, @QueryParam("q") String q) {
        UserPage page = accounts.list(ListParameters.parse(skip, limit, after, isActive, q));
        List<UserResponse> body = page.users().stream().map(UserResponse::from).toList();
        Response.ResponseBuilder response = Response.ok(new GenericEntity<List<UserResponse>>(body) { })
                .header("X-Total-Count", page.total());
        if (page.next() != null) {
            response.header("X-Next-Cursor", ListParameters.encode(page.next()));
        }
        return response.build();
    }

    @GET
    @Path("{user_id}")
    @RolesAllowed("user")
    public UserResponse get(@PathParam("user_id") String userId) {
        UUID id = AccountAccess.target(userId, caller.get());
        if (caller.is(id)) {
            return UserResponse.from(caller.get()); // read by the token check of this very request
        }
        return accounts.find(id).map(UserResponse::from).orElseThrow(AccountNotFound::new);
    }

    @PUT
    @Path("{user_id}")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserResponse update(@PathParam("user_id") String userId, JsonValue json) {
        UUID id = AccountAccess.target(userId, caller.get());
        JsonBody body = JsonBody.of(json);
        RequestedChanges sent = new RequestedChanges(body.text("email"), body.text("username"),
                body.has("full_name") && !body.errors.has("full_name"), body.nullableText("full_name"),
                body.text("password"), body.text("current_password"), body.bool("is_active"),
                body.bool("email_verified"), body.strings("roles"));
        return UserResponse.from(change.change(id, sent, caller.get(), body.errors));
    }

    @DELETE
    @Path("{user_id}")
    @RolesAllowed("user")
    public Response delete(@PathParam("user_id") String userId) {
        deletion.delete(AccountAccess.target(userId, caller.get()), caller.get());
        return Response.noContent().build();
    }

    /** Ends every token of one user, for admins; users end their own with {@code POST /auth/logout-all}. */
    @POST
    @Path("{user_id}/logout-all")
    @RolesAllowed("admin")
    public Response logoutAll(@PathParam("user_id") String userId) {
        signOut.everywhere(AccountAccess.target(userId, caller.get()), caller.get());
        return Response.noContent().build();
    }
}
