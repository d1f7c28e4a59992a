package io.authsvc.host;

import io.authsvc.payara.PayaraInternals.PoolFigures;
import java.util.Optional;
import java.util.function.Function;

/**
 * What this WAR may do to the process it runs in, beyond its own calls: one implementation per server, chosen at
 * start-up from what is present ({@link Hosts#current()}). The process-wide parts (a SIGTERM handler that ends the
 * JVM, stopping and guarding the server's listeners, wrapping the server's root log handlers) are on only where the WAR owns the
 * process: on Payara Micro, which runs this WAR alone, and elsewhere only when the operator says so with
 * {@code WAR_OWNS_PROCESS=true}. On a shared server the server's own graceful shutdown applies.
 */
public interface Host {

    /** The server, for the log: "Payara Micro", "WildFly", or "a shared server". */
    String name();

    /** True where this WAR owns the JVM: it may install signal handlers, end the JVM and wrap the log handlers. */
    boolean ownsProcess();

    /** Stops the server's HTTP listeners from accepting connections; answers how many stopped (0: none reachable). */
    int stopAccepting();

    /** Closes the connections the HTTP listeners still hold; answers how many listeners did (0: none reachable). */
    int closeConnections();

    /**
     * Where the WAR owns the process, refuses on the server's HTTP listeners what the WAR cannot see (a dot segment
     * written with escapes, ambiguous framing), with {@code bodies} (problem JSON by detail); answers how many
     * listeners are guarded (0: not owned, or none reachable).
     */
    int guardListeners(Function<String, String> bodies);

    /** Takes the guard of {@link #guardListeners} off again. */
    void unguardListeners();

    /** The figures of the server's connection pool whose name contains {@code name}, where the server shows them. */
    Optional<PoolFigures> connectionPool(String name);
}
