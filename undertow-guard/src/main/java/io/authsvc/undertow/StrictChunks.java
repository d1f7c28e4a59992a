package io.authsvc.undertow;

import io.undertow.conduits.ChunkedStreamSourceConduit;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.Headers;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A filter of WildFly's Undertow ({@code custom-filter}, server-config/wildfly.cli) that holds each chunked request
 * body to RFC 9112's syntax ({@link ChunkSyntax}): it puts a check between Undertow's chunk decoder and the
 * connection; a body that breaks the syntax ends the read with an error, gets a 400 (with no body) when nothing was
 * answered yet, and its connection is closed, so that nothing after it runs as a request. Comes before
 * {@code buffer-request}, which reads the body through the check before any request thread takes it; a body
 * that ends before its {@code Content-Length} while buffered gets a 400 here too, where Undertow answered 500.
 */
public final class StrictChunks implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(StrictChunks.class.getName());
    private static final Field NEXT = nextField();
    /** RFC 9457, as the WAR writes its problems. */
    private static final String UNREADABLE = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"The request body could not be read: its framing is broken or it ended before its length\"}";

    private final HttpHandler next;
    private volatile boolean warned;

    public StrictChunks(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (NEXT != null && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)
                && exchange.getConnection() instanceof HttpServerConnection connection) {
            ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
            if (!(source.getConduit() instanceof ChunkedStreamSourceConduit chunked)) {
                if (!warned) {
                    warned = true;
                    LOG.warning(() -> "a chunked request body is not checked: it is read through "
                            + source.getConduit().getClass().getName() + " (does a filter run before this one?)");
                }
            } else {
                StreamSourceConduit raw = (StreamSourceConduit) NEXT.get(chunked);
                source.setConduit(new ChunkedStreamSourceConduit(new Checked(raw, exchange), exchange, done -> {
                    if (!done.isFinished()) {
                        exchange.setPersistent(false);
                    }
                    Connectors.terminateRequest(exchange);
                }));
            }
        }
        try {
            next.handleRequest(exchange);
        } catch (IOException e) {
            // A body read at once on this thread (buffer-request) that broke the syntax, or ended before its length:
            // Undertow would answer 500. A 400 and no keep-alive, as a body that cannot be read gets in the WAR.
            if (exchange.isResponseStarted()) {
                throw e;
            }
            exchange.setStatusCode(400);
            exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff");
            exchange.setPersistent(false);
            exchange.getResponseSender().send(UNREADABLE); // a body, or the server writes its HTML error page
        }
    }

    /** The body broke the syntax: the exchange has its 400 set, if nothing was answered yet, and closes. */
    static final class MalformedChunks extends IOException {

        MalformedChunks() {
            super("a chunked request body breaks RFC 9112 (chunk size, extension or CRLF)");
        }
    }

    /** The conduit under Undertow's chunk decoder, Undertow's own (a protected field of XNIO's base class). */
    private static Field nextField() {
        try {
            Field field = AbstractConduit.class.getDeclaredField("next");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "chunked request bodies cannot be checked on this Undertow: {0}", e.toString());
            return null;
        }
    }

    /** The connection's bytes, passed on as they are once {@link ChunkSyntax} has read them. */
    static final class Checked extends AbstractStreamSourceConduit<StreamSourceConduit> {

        private final ChunkSyntax syntax = new ChunkSyntax();
        private final HttpServerExchange exchange;

        Checked(StreamSourceConduit next, HttpServerExchange exchange) {
            super(next);
            this.exchange = exchange;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int start = dst.position();
            int read = next.read(dst);
            if (read > 0 && !syntax.done() && syntax.accept(dst, start, read) < 0) {
                if (!exchange.isResponseStarted()) {
                    exchange.setStatusCode(400);
                    exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
                }
                exchange.setPersistent(false);
                throw new MalformedChunks();
            }
            return read;
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                if (dsts[i].hasRemaining()) {
                    return read(dsts[i]);
                }
            }
            return 0;
        }

        @Override
        public long transferTo(long position, long count, FileChannel target) throws IOException {
            Checked self = this;
            return target.transferFrom(new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    return self.read(dst);
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            }, position, count);
        }

        @Override
        public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
            return Conduits.transfer(this, count, throughBuffer, target);
        }
    }
}
