package io.authsvc.accounts.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An account: the seed's columns, its roles, and the version that revokes older tokens. An update writes only the
 * columns it changed, so that two transactions changing different things of one account (a login's last_login, an
 * admin's is_active, a verification's email_verified) cannot undo each other.
 */
@Entity
@Table(name = "users")
@DynamicUpdate
@NamedQuery(name = User.BY_LOGIN,
        query = "SELECT u FROM User u WHERE lower(u.username) = lower(:identifier) OR u.email = lower(:identifier)")
@NamedQuery(name = User.TAKEN,
        query = "SELECT u FROM User u WHERE u.id <> :id AND (u.email = lower(:email) OR lower(u.username) = lower(:username))")
@NamedQuery(name = User.ACTIVE_ADMINS_EXCEPT,
        query = "SELECT COUNT(u) FROM User u JOIN u.roles r WHERE r = 'admin' AND u.active = true AND u.id <> :id")
@NamedQuery(name = User.ADMIN_EXISTS,
        query = "SELECT COUNT(u) FROM User u JOIN u.roles r WHERE r = 'admin'")
public class User {

    public static final String BY_LOGIN = "User.byLogin";
    public static final String TAKEN = "User.taken";
    public static final String ACTIVE_ADMINS_EXCEPT = "User.activeAdminsExcept";
    public static final String ADMIN_EXISTS = "User.adminExists";

    /** The unique keys of {@code users} that refuse a second account with the same email or username (any case). */
    public static final Set<String> EMAIL_KEYS = Set.of("users_email_key", "uq_users_email_lower");
    public static final Set<String> USERNAME_KEYS = Set.of("users_username_key", "uq_users_username_lower");

    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    /** For another service that asks {@code POST /auth/introspect} about the tokens it is sent. */
    public static final String ROLE_INTROSPECT = "introspect";
    public static final Set<String> ROLES = Set.of(ROLE_USER, ROLE_ADMIN, ROLE_INTROSPECT);

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String username;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    /** Whether the owner showed, by a verification mail's token, that the address is theirs. */
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login")
    private Instant lastLogin;

    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    private Set<String> roles = new TreeSet<>();

    protected User() {
    }

    public User(String email, String username, String fullName, String passwordHash) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = now();
        this.updatedAt = createdAt;
        this.roles.add(ROLE_USER);
    }

    /** PostgreSQL keeps microseconds and the API shows milliseconds: keep milliseconds, so both agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public void touch() {
        updatedAt = now();
    }

    public void recordLogin() {
        lastLogin = now();
    }

    /** Ends every token issued so far: they carry the old version. */
    public void revokeTokens() {
        tokenVersion++;
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public Account toAccount() {
        return new Account(id, email, username, fullName, active, emailVerified, roles, createdAt, updatedAt, lastLogin,
                tokenVersion);
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    /** A new address is not verified, whoever sets it: only its owner can show that it is theirs. */
    public void setEmail(String email) {
        if (!email.equals(this.email)) {
            emailVerified = false;
        }
        this.email = email;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public void setEmailVerified(boolean emailVerified) {
        this.emailVerified = emailVerified;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        if (this.active && !active) {
            revokeTokens();
        }
        this.active = active;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastLogin() {
        return lastLogin;
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    public Set<String> getRoles() {
        return new TreeSet<>(roles);
    }

    public void setRoles(Set<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.roles.add(ROLE_USER);
    }
}
