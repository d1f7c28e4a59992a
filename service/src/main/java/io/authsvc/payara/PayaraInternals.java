package io.authsvc.payara;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What this service needs from Payara that no API offers, reached through its internals by reflection: closing
 * the HTTP listeners' sockets and connections (for the graceful shutdown), guarding them ({@link ListenerGuard})
 * and the connection pool's figures (for {@code /metrics}). On another server, or a Payara whose internals changed, each does nothing and
 * says so.
 */
public final class PayaraInternals {

    private static final Logger LOG = Logger.getLogger(PayaraInternals.class.getName());
    private static volatile boolean poolWarned;

    /** A connection pool's connections: taken by a caller, and open but free. */
    public record PoolFigures(int inUse, int idle) {
    }

    private PayaraInternals() {
    }

    /**
     * Closes the listening sockets of Payara's HTTP listeners (GrizzlyService's network proxies, their Grizzly
     * transports, {@code unbindAll()}); connections already open stay and finish their calls.
     *
     * @return how many listeners stopped accepting; 0 when they could not be reached
     */
    public static int stopAccepting() {
        return eachTransport("unbindAll", "cannot stop the HTTP listeners from accepting");
    }

    /**
     * Closes every connection still open on Payara's HTTP listeners ({@code shutdownNow()} of their Grizzly
     * transports): once no call is in flight, the idle keep-alive connections, which would otherwise carry a
     * client's next request into the undeployment and get a 503. Payara's own stop later finds them stopped.
     *
     * @return how many listeners were shut; 0 when they could not be reached
     */
    public static int closeConnections() {
        return eachTransport("shutdownNow", "cannot close the HTTP listeners' connections");
    }

    /**
     * Puts {@link ListenerGuard} on each HTTP listener.
     *
     * @param bodies the problem body (JSON text) of a 400, by its detail
     * @return how many listeners are guarded; 0 when they could not be reached
     */
    public static int guardListeners(Function<String, String> bodies) {
        try {
            return ListenerGuard.install(transports(), bodies);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning("cannot guard the HTTP listeners: " + e);
            return 0;
        }
    }

    /** Takes {@link ListenerGuard} off the HTTP listeners again. */
    public static void unguardListeners() {
        try {
            ListenerGuard.remove(transports());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning("cannot take the guard off the HTTP listeners: " + e);
        }
    }

    /** Calls {@code method} (of {@code org.glassfish.grizzly.nio.NIOTransport}) on each listener's transport. */
    private static int eachTransport(String method, String failure) {
        try {
            Method call = Class.forName("org.glassfish.grizzly.nio.NIOTransport").getMethod(method);
            int count = 0;
            for (Object transport : transports()) {
                if (call.getDeclaringClass().isInstance(transport)) {
                    call.invoke(transport);
                    count++;
                }
            }
            return count;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not a MessageFormat pattern: the apostrophe of "listeners'" would swallow the {0}.
            LOG.warning(failure + ": " + e);
            return 0;
        }
    }

    /** The Grizzly transport of each of the server's HTTP listeners (GrizzlyService's network proxies). */
    private static List<Object> transports() throws ReflectiveOperationException {
        Class<?> grizzly = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService");
        Object service = service(grizzly);
        List<Object> transports = new ArrayList<>();
        for (Object proxy : List.copyOf((Collection<?>) field(grizzly, service, "proxies"))) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            // GenericGrizzlyListener, a public class, has getTransport(); the interface does not declare it.
            Object transport = listener == null ? null : listener.getClass().getMethod("getTransport").invoke(listener);
            if (transport != null) {
                transports.add(transport);
            }
        }
        return transports;
    }

    /**
     * The figures of the connection pool whose name contains {@code name} (Payara names the pool of a
     * {@code <data-source>} after its JNDI name); empty before its first use, or when the pool cannot be reached.
     */
    public static Optional<PoolFigures> connectionPool(String name) {
        try {
            Object manager = service(Class.forName("com.sun.enterprise.resource.pool.PoolManager"));
            Method getPoolStatus = Class.forName("com.sun.enterprise.resource.pool.ResourcePool").getMethod("getPoolStatus");
            Class<?> status = Class.forName("com.sun.enterprise.resource.pool.PoolStatus");
            for (Map.Entry<?, ?> pool : ((Map<?, ?>) field(manager.getClass(), manager, "poolTable")).entrySet()) {
                if (String.valueOf(pool.getKey()).contains(name)) {
                    Object figures = getPoolStatus.invoke(pool.getValue());
                    return Optional.of(new PoolFigures((int) status.getMethod("getNumConnUsed").invoke(figures),
                            (int) status.getMethod("getNumConnFree").invoke(figures)));
                }
            }
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (!poolWarned) {
                poolWarned = true;
                LOG.log(Level.WARNING, "cannot read the figures of the connection pool: {0}", e.toString());
            }
            return Optional.empty();
        }
    }

    /** The server's HK2 service of {@code contract}. */
    private static Object service(Class<?> contract) throws ReflectiveOperationException {
        Object locator = Class.forName("org.glassfish.internal.api.Globals").getMethod("getDefaultHabitat").invoke(null);
        Object service = Class.forName("org.glassfish.hk2.api.ServiceLocator")
                .getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, contract, new Annotation[0]);
        if (service == null) {
            throw new ClassNotFoundException("no " + contract.getName() + " service in this server");
        }
        return service;
    }

    private static Object field(Class<?> type, Object target, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
