package io.authsvc.host;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the client of a request has hung up, read from the server's own connection (Grizzly on Payara, Undertow on
 * WildFly) without touching it: the servlet API has no way to ask. A connection counts as gone when the server has
 * closed it, or when its socket reports end of stream (readable with no byte to read); a client that merely sends
 * nothing is still there. Where the server's classes are not the expected ones, nobody can tell, and the answer is
 * always "still there".
 */
public final class ClientConnections {

    private static final Logger LOG = Logger.getLogger(ClientConnections.class.getName());

    private ClientConnections() {
    }

    /** A check to ask later, from the thread that serves {@code request}; it never throws. */
    public static BooleanSupplier closed(ServletRequest request) {
        return new BooleanSupplier() {
            private Connection connection;
            private boolean looked;

            @Override
            public boolean getAsBoolean() {
                if (!looked) {
                    looked = true;
                    connection = find(request);
                }
                return connection != null && connection.gone();
            }
        };
    }

    /** One server connection: whether the server still holds it open, and its socket where it can be reached. */
    private record Connection(Object server, Method isOpen, SocketChannel channel) {

        boolean gone() {
            try {
                if (!(Boolean) isOpen.invoke(server)) {
                    return true;
                }
                return channel != null && hungUp(channel);
            } catch (ReflectiveOperationException | RuntimeException unknown) {
                LOG.log(Level.FINE, "cannot read the state of the client connection", unknown);
                return false;
            }
        }
    }

    /**
     * True when the peer has closed its side: the socket is readable (end of stream or reset) and holds no byte.
     * A readable socket with bytes (a pipelined request) is a client still there. The probe registers the channel
     * with a selector of its own, which leaves the server's registration alone.
     */
    static boolean hungUp(SocketChannel channel) {
        if (!channel.isOpen()) {
            return true;
        }
        if (channel.isBlocking()) {
            return false;
        }
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            return selector.selectNow() > 0 && channel.socket().getInputStream().available() == 0;
        } catch (IOException e) {
            return !channel.isOpen();
        } catch (RuntimeException concurrentChange) {
            return false;
        }
    }

    private static Connection find(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        try {
            return switch (inner.getClass().getName()) {
                case "org.apache.catalina.connector.RequestFacade" -> grizzly(inner);
                case "io.undertow.servlet.spec.HttpServletRequestImpl" -> undertow(inner);
                default -> null;
            };
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            LOG.log(Level.FINE, "cannot reach the client connection of " + inner.getClass().getName(), unknown);
            return null;
        }
    }

    /** Payara: RequestFacade → catalina Request → Grizzly Request → TCPNIOConnection → SocketChannel. */
    private static Connection grizzly(ServletRequest facade) throws ReflectiveOperationException {
        Field field = facade.getClass().getDeclaredField("request");
        field.setAccessible(true);
        Object catalina = field.get(facade);
        Object grizzly = catalina.getClass().getMethod("getCoyoteRequest").invoke(catalina);
        Object connection = grizzly.getClass().getMethod("getConnection").invoke(grizzly);
        Method isOpen = connection.getClass().getMethod("isOpen");
        Object channel = connection.getClass().getMethod("getChannel").invoke(connection);
        return new Connection(connection, isOpen, channel instanceof SocketChannel socket ? socket : null);
    }

    /** WildFly: HttpServletRequestImpl → HttpServerExchange → ServerConnection → XNIO connection → socket. */
    private static Connection undertow(ServletRequest servlet) throws ReflectiveOperationException {
        Object exchange = servlet.getClass().getMethod("getExchange").invoke(servlet);
        Object connection = exchange.getClass().getMethod("getConnection").invoke(exchange);
        Method isOpen = connection.getClass().getMethod("isOpen");
        SocketChannel socket = null;
        try {
            Object stream = connection.getClass().getMethod("getChannel").invoke(connection);
            Method getChannel = stream.getClass().getDeclaredMethod("getChannel");
            getChannel.setAccessible(true);
            if (getChannel.invoke(stream) instanceof SocketChannel channel) {
                socket = channel;
            }
        } catch (ReflectiveOperationException | RuntimeException notPlainTcp) {
            // TLS or HTTP/2 wrap the socket otherwise: the server's own isOpen() is all there is
        }
        return new Connection(connection, isOpen, socket);
    }
}
