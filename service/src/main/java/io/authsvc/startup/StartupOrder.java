package io.authsvc.startup;

/**
 * The order of the start-up's steps, lowest first: the {@code @Priority} of each {@code @Observes
 * @Initialized(ApplicationScoped.class)} observer that takes part. Every step that must come before or after another
 * takes its number from here, so that the order reads in one place. A step that fails stops the deployment. Before
 * all of them, before bean discovery even, {@code settings.SettingsExtension} checks every setting's value.
 */
public final class StartupOrder {

    /** {@code TRUSTED_PROXIES} parsed ({@code web.ClientAddressResolver}): a bad value stops the start at once. */
    public static final int CLIENT_ADDRESSES = 40;
    /** The signing key or key pair read ({@code tokens.TokenIssuer}): a missing key stops the start here. */
    public static final int SIGNING_KEYS = 50;
    /** The schema migrated by Flyway, then validated by Hibernate ({@code database.Migrations}). */
    public static final int SCHEMA = 100;
    /** The first admin, into the migrated schema ({@code users.control.FirstAdmin}). */
    public static final int FIRST_ADMIN = 110;
    /** The account cache's listener started, on the migrated schema's triggers ({@code users.cache.ChangeListener}). */
    public static final int ACCOUNT_CACHE = 120;

    private StartupOrder() {
    }
}
