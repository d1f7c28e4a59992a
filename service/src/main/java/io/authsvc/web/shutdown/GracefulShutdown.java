package io.authsvc.web.shutdown;

import io.authsvc.host.Host;
import io.authsvc.host.Hosts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stopping without dropping calls. On SIGTERM (or SIGINT), before the server begins to stop: readiness turns
 * DOWN ({@link ShutdownReadiness}), the server's listeners stop accepting connections, every answer carries
 * {@code Connection: close}, and the calls in flight in this WAR finish, for at most {@code SHUTDOWN_TIMEOUT_MS};
 * then the connections still open (kept alive, idle) are closed, and the JVM exits as the signal makes it (status
 * 143 for SIGTERM, 130 for SIGINT) and Payara stops as usual.
 * <p>
 * Without this, SIGTERM starts the JVM's shutdown at once and Payara undeploys the WAR under the calls in flight.
 * <p>
 * All of this is process-wide, so it is on only where the WAR owns the process ({@link Hosts}): on Payara Micro, or
 * where {@code WAR_OWNS_PROCESS=true}. On a shared server the server's own graceful shutdown applies.
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    /** SIGTERM, and SIGINT: Ctrl-C in a terminal reaches the JVM too, not only bin/run. */
    private static final List<String> SIGNALS = List.of("TERM", "INT");
    private static final long POLL_MILLIS = 20;

    @Inject
    @ConfigProperty(name = "SHUTDOWN_TIMEOUT_MS", defaultValue = "20000")
    long timeoutMillis;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** The handlers that were there before, by signal name: the JVM's own, which exit with 128 + the signal. */
    private final Map<String, SignalHandler> previous = new HashMap<>();
    private final Drain drain = new Drain();

    /** The handler of both signals; a class of its own, so that a second installation can tell it is there already. */
    private final class Drain implements SignalHandler {

        @Override
        public void handle(Signal signal) {
            drainAndExit(signal);
        }
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (timeoutMillis < 0) {
            throw new IllegalStateException("SHUTDOWN_TIMEOUT_MS must not be negative, not " + timeoutMillis);
        }
        if (!previous.isEmpty()) {
            return; // Payara may announce the application scope more than once
        }
        Host host = Hosts.current();
        if (!host.ownsProcess()) {
            // A SIGTERM handler would end every application's JVM: the server's own graceful shutdown applies.
            LOG.info(() -> "graceful shutdown: left to " + host.name() + ", which owns the process");
            return;
        }
        try {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, drain);
                if (before instanceof Drain) {
                    Signal.handle(signal, before); // installed already, by an earlier instance of this bean
                    return;
                }
                previous.put(name, before);
            }
            LOG.info(() -> "graceful shutdown: on SIGTERM or SIGINT, calls in flight get up to " + timeoutMillis + " ms");
        } catch (IllegalArgumentException e) {
            // the JVM runs with -Xrs, or another part of the server owns the signal
            LOG.warning(() -> "graceful shutdown is off: SIGTERM cannot be handled here (" + e.getMessage() + ")");
        }
    }

    @PreDestroy
    void restore() {
        if (!draining.get()) {
            previous.forEach((name, handler) -> Signal.handle(new Signal(name), handler));
        }
    }

    /** A call of this WAR begins; {@link #end} must follow. */
    public void begin() {
        inFlight.incrementAndGet();
    }

    public void end() {
        inFlight.decrementAndGet();
    }

    /** True once SIGTERM has come: answers should close their connections. */
    public boolean draining() {
        return draining.get();
    }

    private void drainAndExit(Signal signal) {
        if (!draining.compareAndSet(false, true)) {
            return; // draining already (Ctrl-C brings SIGINT from the terminal and SIGTERM from bin/run)
        }
        long start = System.nanoTime();
        int listeners = Hosts.current().stopAccepting();
        LOG.info(() -> "SIG" + signal.getName() + ": " + (listeners > 0 ? "stopped accepting connections on "
                + listeners + " listener(s)" : "new connections are still accepted (listeners not found)")
                + "; " + inFlight.get() + " call(s) in flight, waiting up to " + timeoutMillis + " ms");
        boolean drained = awaitNoneInFlight(start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // A kept-alive connection left open would carry its client's next request into the undeployment (503).
        String closed = Hosts.current().closeConnections() > 0 ? "connections closed" : "connections left open";
        if (drained) {
            LOG.info(() -> "drained in " + millis + " ms; " + closed + "; stopping");
        } else {
            LOG.warning(() -> inFlight.get() + " call(s) still in flight after " + millis + " ms; " + closed
                    + "; stopping anyway");
        }
        SignalHandler before = previous.get(signal.getName());
        if (before != null && before != SignalHandler.SIG_DFL && before != SignalHandler.SIG_IGN) {
            before.handle(signal);
        } else {
            System.exit(128 + signal.getNumber());
        }
    }

    /** True when no call was in flight twice in a row (one just accepted may not have reached this WAR yet). */
    private boolean awaitNoneInFlight(long deadline) {
        int idlePolls = 0;
        while (System.nanoTime() < deadline) {
            idlePolls = inFlight.get() == 0 ? idlePolls + 1 : 0;
            if (idlePolls >= 2) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return inFlight.get() == 0;
            }
        }
        return inFlight.get() == 0;
    }
}
