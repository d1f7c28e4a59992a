package io.authsvc.users.boundary;

import io.authsvc.accounts.control.NewAccount;
import io.authsvc.accounts.entity.User;
import io.authsvc.callers.control.CurrentUser;
import io.authsvc.users.control.Registration;
import io.authsvc.web.PublicUrl;
import io.authsvc.web.body.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP side of {@link Registration}, for both its paths ({@code POST /auth/register} and the old
 * {@code POST /auth/}): the body read, the 201 with its {@code Location}.
 */
@ApplicationScoped
public class RegistrationHttp {

    @Inject
    Registration registration;

    @Inject
    CurrentUser caller;

    @Inject
    PublicUrl publicUrl;

    public Response register(JsonValue json) {
        JsonBody body = JsonBody.of(json);
        String email = body.requiredText("email");
        String username = body.requiredText("username");
        String password = body.requiredText("password");
        String fullName = body.nullableText("full_name");
        // Only an admin's roles, is_active and email_verified count: anyone else's are not even read, so they
        // cannot be wrong.
        boolean admin = caller.isAdmin();
        NewAccount account = new NewAccount(email, username, fullName, password,
                admin ? body.strings("roles") : null, admin ? body.bool("is_active") : null,
                admin ? body.bool("email_verified") : null);
        User user = registration.register(account, caller.optional(), body.errors);
        // A header, not Response.created(URI): that resolves a relative URI against the request's Host.
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, publicUrl.of(user.getId().toString()))
                .entity(UserResponse.from(user))
                .build();
    }
}
