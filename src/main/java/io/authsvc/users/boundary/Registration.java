package io.authsvc.users.boundary;

import io.authsvc.audit.AuditEvent;
import io.authsvc.audit.AuditLog;
import io.authsvc.throttling.Throttle;
import io.authsvc.throttling.TooManyAttempts;
import io.authsvc.users.control.AuthMetrics;
import io.authsvc.users.control.CurrentUser;
import io.authsvc.users.control.HashingBusy;
import io.authsvc.users.control.PasswordHasher;
import io.authsvc.users.control.PasswordPolicy;
import io.authsvc.users.control.UserService;
import io.authsvc.users.entity.AccountRules;
import io.authsvc.users.entity.User;
import io.authsvc.web.ClientRequest;
import io.authsvc.web.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * {@code POST /auth/register} and its old name {@code POST /auth/}: one way to create an account. A caller with a
 * valid admin token provisions: it may set {@code roles} and {@code is_active}, its calls are not counted by the
 * per-address limit, and the audit line names it. Anyone else's {@code roles} and {@code is_active} are ignored.
 */
@ApplicationScoped
public class Registration {

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    Throttle throttle;

    @Inject
    ClientRequest client;

    @Inject
    AuditLog audit;

    @Inject
    AuthMetrics metrics;

    @Inject
    CurrentUser caller;

    @Inject
    PublicUrl publicUrl;

    public Response register(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        String email = AccountRules.normalizeEmail(body.requiredText("email"));
        String username = body.requiredText("username");
        String password = body.requiredText("password");
        String fullName = body.nullableText("full_name");
        if (email != null) {
            AccountRules.checkEmail("email", email, body.errors);
        }
        if (username != null) {
            AccountRules.checkUsername("username", username, body.errors);
        }
        AccountRules.checkFullName("full_name", fullName, body.errors);
        policy.check("password", password, email, username, body.errors);
        boolean provisioning = caller.isAdmin();
        Set<String> roles = Set.of(User.ROLE_USER);
        boolean active = true;
        if (provisioning) {
            Set<String> sent = body.strings("roles");
            AccountRules.checkRoles("roles", sent, body.errors);
            roles = sent == null ? roles : sent;
            Boolean activeSent = body.bool("is_active");
            active = activeSent == null || activeSent;
        }
        body.errors.throwIfAny();
        // Before any database work: a refused call must cost next to nothing.
        hasher.checkAdmission();
        if (provisioning) {
            return created(provision(email, username, fullName, password, roles, active));
        }

        // Counted before the hash is made, whether the registration then succeeds or not: each one costs a hash.
        Throttle.RegistrationAttempt attempt;
        try {
            attempt = throttle.beginRegistration(client.address());
        } catch (TooManyAttempts throttled) {
            audit.record(AuditEvent.REGISTER_THROTTLED, null);
            throw throttled;
        }
        String hash;
        try {
            hash = hasher.hash(password);
        } catch (HashingBusy busy) {
            throttle.registrationNotCounted(attempt);
            throw busy;
        }
        User user = users.register(email, username, fullName, hash, roles);
        audit.record(AuditEvent.REGISTER, user.getId());
        metrics.registration();
        return created(user);
    }

    private User provision(String email, String username, String fullName, String password, Set<String> roles,
            boolean active) {
        User user = users.register(email, username, fullName, hasher.hash(password), roles, active);
        audit.record(AuditEvent.REGISTER, user.getId(), caller.get().id());
        metrics.registration();
        return user;
    }

    private Response created(User user) {
        // A header, not Response.created(URI): that resolves a relative URI against the request's Host.
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, publicUrl.of(user.getId().toString()))
                .entity(UserResponse.from(user))
                .build();
    }
}
