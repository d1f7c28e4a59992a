package io.authsvc.users.boundary;

import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.problems.InvalidInput;
import io.authsvc.problems.ProblemException;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import io.authsvc.users.control.AccountReader;
import io.authsvc.users.control.CurrentUser;
import io.authsvc.users.control.HashingBusy;
import io.authsvc.users.control.PasswordHasher;
import io.authsvc.users.control.PasswordPolicy;
import io.authsvc.users.control.UserChanges;
import io.authsvc.users.control.UserPage;
import io.authsvc.users.control.UserService;
import io.authsvc.users.entity.AccountRules;
import io.authsvc.users.entity.User;
import io.authsvc.web.ClientRequest;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /auth/} and {@code /auth/{user_id}}: the list for admins, and one account for itself or an admin. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    UserService users;

    @Inject
    AccountReader accounts;

    @Inject
    CurrentUser caller;

    @Inject
    Registration registration;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AuditLog audit;

    @Inject
    Throttle throttle;

    @Inject
    ClientRequest client;

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
        UUID id = authorize(userId);
        if (caller.is(id)) {
            return UserResponse.from(caller.get()); // read by the token check of this very request
        }
        return accounts.find(id).map(UserResponse::from).orElseThrow(ProblemException::notFound);
    }

    @PUT
    @Path("{user_id}")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserResponse update(@PathParam("user_id") String userId, JsonValue json) {
        UUID id = authorize(userId);
        User target = users.find(id).orElseThrow(ProblemException::notFound);
        UserChanges changes = changes(JsonBody.of(json), target);
        boolean wasActive = target.isActive();
        Set<String> rolesBefore = target.getRoles();
        User updated = users.update(id, changes);
        UUID actor = caller.get().id();
        if (changes.passwordHash() != null) {
            audit.record(AuditEvent.PASSWORD_CHANGED, id, actor);
        }
        if (!updated.getRoles().equals(rolesBefore)) {
            audit.record(AuditEvent.ROLE_CHANGED, id, actor);
        }
        if (updated.isActive() != wasActive) {
            audit.record(updated.isActive() ? AuditEvent.ACTIVATED : AuditEvent.DEACTIVATED, id, actor);
        }
        return UserResponse.from(updated);
    }

    @DELETE
    @Path("{user_id}")
    @RolesAllowed("user")
    public Response delete(@PathParam("user_id") String userId) {
        UUID id = authorize(userId);
        users.delete(id);
        audit.record(AuditEvent.DELETED, id, caller.get().id());
        return Response.noContent().build();
    }

    /** Ends every token of one user, for admins; users end their own with {@code POST /auth/logout-all}. */
    @POST
    @Path("{user_id}/logout-all")
    @RolesAllowed("admin")
    public Response logoutAll(@PathParam("user_id") String userId) {
        UUID id = authorize(userId);
        users.revokeTokens(id);
        audit.record(AuditEvent.LOGOUT_ALL, id, caller.get().id());
        return Response.noContent().build();
    }

    /** A user may reach its own account; an admin any (and learns 404 for ids that are not there). */
    private UUID authorize(String userId) {
        UUID id = CANONICAL_UUID.matcher(userId).matches() ? UUID.fromString(userId) : null;
        if (caller.isAdmin()) {
            if (id == null) {
                throw ProblemException.notFound();
            }
            return id;
        }
        if (id != null && caller.is(id)) {
            return id;
        }
        throw ProblemException.forbidden("A user may only reach its own account");
    }

    /**
     * A password check like a login's: throttled with the account's failed logins (a stolen token gives no more
     * guesses than the login form), counted until it succeeds, and checked on the hashing pool.
     */
    private void checkCurrentPassword(User target, String currentPassword) {
        hasher.checkAdmission();
        Throttle.LoginAttempt attempt;
        try {
            attempt = throttle.beginLogin(Optional.of(target.getId()), target.getUsername(), client.address());
        } catch (TooManyAttempts throttled) {
            audit.record(AuditEvent.LOGIN_THROTTLED, target.getId());
            throw throttled;
        }
        boolean right;
        try {
            right = hasher.verify(currentPassword, target.getPasswordHash());
        } catch (HashingBusy busy) {
            throttle.loginNotCounted(attempt);
            throw busy;
        }
        if (!right) {
            audit.record(AuditEvent.LOGIN_FAILED, target.getId());
            throw ProblemException.forbidden("current_password is wrong");
        }
        throttle.loginSucceeded(attempt);
    }

    private UserChanges changes(JsonBody body, User target) {
        String email = AccountRules.normalizeEmail(body.text("email"));
        String username = body.text("username");
        String fullName = body.nullableText("full_name");
        String password = body.text("password");
        String currentPassword = body.text("current_password");
        Boolean active = body.bool("is_active");
        Set<String> roles = body.strings("roles");
        if (email != null) {
            AccountRules.checkEmail("email", email, body.errors);
        }
        if (username != null) {
            AccountRules.checkUsername("username", username, body.errors);
        }
        AccountRules.checkFullName("full_name", fullName, body.errors);
        policy.check("password", password, Objects.requireNonNullElse(email, target.getEmail()),
                Objects.requireNonNullElse(username, target.getUsername()), body.errors);
        AccountRules.checkRoles("roles", roles, body.errors);
        boolean self = caller.is(target.getId());
        if (password != null && self && currentPassword == null && !body.errors.has("current_password")) {
            body.errors.add("current_password", "is required to change your own password");
        }
        body.errors.throwIfAny();

        if (!caller.isAdmin()) {
            if (active != null && active != target.isActive()) {
                throw ProblemException.forbidden("Only an admin may activate or deactivate an account");
            }
            if (roles != null && !roles.equals(target.getRoles())) {
                throw ProblemException.forbidden("Only an admin may change roles");
            }
        }
        if (password != null && self) {
            checkCurrentPassword(target, currentPassword);
        }
        boolean renames = email != null && !email.equals(target.getEmail())
                || username != null && !username.equals(target.getUsername());
        if (renames && !caller.isAdmin()) {
            // Counted before the uniqueness check: its 409 would otherwise tell anyone with an account, at any
            // rate, whose email or username exists.
            throttle.beginProfileChange(target.getId());
        }
        return new UserChanges(email, username, body.has("full_name") && !body.errors.has("full_name"), fullName,
                password == null ? null : hasher.hash(password), active, roles);
    }
}
