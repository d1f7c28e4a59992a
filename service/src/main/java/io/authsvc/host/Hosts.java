package io.authsvc.host;

import io.authsvc.payara.PayaraInternals;
import io.authsvc.payara.PayaraInternals.PoolFigures;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Picks the {@link Host} once, from the JVM's main class path: Payara Micro's launcher, or JBoss Modules (WildFly),
 * or neither (Payara Server and any other server, which this WAR shares with other applications).
 * {@code WAR_OWNS_PROCESS} ({@code true}/{@code false}) overrides whether the WAR owns the process; by default only
 * Payara Micro does.
 */
public final class Hosts {

    private static final Logger LOG = Logger.getLogger(Hosts.class.getName());
    private static volatile Host current;

    private Hosts() {
    }

    public static Host current() {
        Host host = current;
        if (host == null) {
            synchronized (Hosts.class) {
                if (current == null) {
                    current = detect();
                }
                host = current;
            }
        }
        return host;
    }

    private static Host detect() {
        String kind = onMainClassPath("fish.payara.micro.boot.PayaraMicroLauncher") ? "Payara Micro"
                : onMainClassPath("org.jboss.modules.Main") ? "WildFly" : "a shared server";
        boolean owns = ConfigProvider.getConfig(Hosts.class.getClassLoader())
                .getOptionalValue("WAR_OWNS_PROCESS", Boolean.class).orElse(kind.equals("Payara Micro"));
        Host host = kind.equals("Payara Micro") ? new PayaraMicro(owns) : new Shared(kind, owns);
        LOG.info(() -> "running on " + host.name() + (owns
                ? ": the WAR owns the process (graceful shutdown on SIGTERM, request ids in the server's log lines)"
                : ": the server owns the process and its shutdown; set WAR_OWNS_PROCESS=true if this WAR runs alone"));
        return host;
    }

    private static boolean onMainClassPath(String className) {
        try {
            Class.forName(className, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Payara Micro: its listeners and pool through {@link PayaraInternals}. */
    private record PayaraMicro(boolean ownsProcess) implements Host {

        @Override
        public String name() {
            return "Payara Micro";
        }

        @Override
        public int stopAccepting() {
            return PayaraInternals.stopAccepting();
        }

        @Override
        public int closeConnections() {
            return PayaraInternals.closeConnections();
        }

        @Override
        public int guardListeners(Function<String, String> bodies) {
            return ownsProcess ? PayaraInternals.guardListeners(bodies) : 0;
        }

        @Override
        public void unguardListeners() {
            if (ownsProcess) {
                PayaraInternals.unguardListeners();
            }
        }

        @Override
        public Optional<PoolFigures> connectionPool(String name) {
            return PayaraInternals.connectionPool(name);
        }
    }

    /**
     * WildFly, or a server of many applications: nothing of the server is touched. Where the operator lets the WAR own
     * a WildFly, its SIGTERM drain runs, but the listeners are the server's (WildFly's own suspend,
     * {@code -Dorg.wildfly.sigterm.suspend.timeout}, stops them).
     */
    private record Shared(String name, boolean ownsProcess) implements Host {

        @Override
        public int stopAccepting() {
            return 0;
        }

        @Override
        public int closeConnections() {
            return 0;
        }

        @Override
        public int guardListeners(Function<String, String> bodies) {
            return 0;
        }

        @Override
        public void unguardListeners() {
        }

        @Override
        public Optional<PoolFigures> connectionPool(String name) {
            return Optional.empty();
        }
    }
}
