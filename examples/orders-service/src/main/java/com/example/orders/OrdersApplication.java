package com.example.orders;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Another team's application: the roles it uses must be declared, or every caller gets 403. */
@ApplicationPath("/api")
@DeclareRoles({"user", "admin"})
public class OrdersApplication extends Application {
}
