package io.authsvc.payara;

import io.authsvc.http.HeadSyntax;
import io.authsvc.http.RawRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A filter on each of Payara Micro's HTTP listeners, just before the one that hands requests to the web container:
 * it refuses, for every path of the server, the two kinds of request that Payara would otherwise pass on in a form
 * the WAR cannot judge. A path with a dot segment written with escapes ({@code /auth/%2e%2e/metrics}) is decoded
 * and resolved by Payara before it picks the application, so it reaches {@code /metrics} and never this WAR; and
 * {@code Content-Length} before {@code Transfer-Encoding: chunked} loses its {@code Content-Length} while Grizzly
 * parses it, so the WAR sees a plain chunked request. Here the raw path and the raw request head are still there:
 * both get the WAR's 400 problem body and their connection is closed ({@link RawRequest}). So does a head that
 * Grizzly reads more leniently than RFC 9112 allows (a line without a colon, a bare CR, two {@code Host} lines:
 * {@link HeadSyntax}), which it would otherwise hand on as if it were well formed.
 * <p>
 * Before Grizzly's parser, a {@link HeadDeadline} closes a connection whose head is not whole within 20 s.
 * <p>
 * A filter in the server's listeners acts for every application of the process, so it is installed only where the
 * WAR owns the process ({@code WAR_OWNS_PROCESS}), and removed when the WAR stops.
 */
public final class ListenerGuard extends BaseFilter {

    private static final Logger LOG = Logger.getLogger(ListenerGuard.class.getName());
    /** The verdict on a request, kept on it (Grizzly recycles a request's attributes with it). */
    private static final String VERDICT = ListenerGuard.class.getName() + ".verdict";
    private static final Field HEAD = headField();

    private final byte[] dotSegmentBody;
    private final byte[] framingBody;
    private final byte[] headBody;

    private ListenerGuard(String dotSegmentBody, String framingBody, String headBody) {
        this.dotSegmentBody = dotSegmentBody.getBytes(StandardCharsets.UTF_8);
        this.framingBody = framingBody.getBytes(StandardCharsets.UTF_8);
        this.headBody = headBody.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Puts a guard on each listener whose filter chain has Grizzly's HTTP server filter, after taking off any guard
     * an earlier deployment left.
     *
     * @param bodies the problem body (JSON) of the 400, by its detail ({@link RawRequest#DOT_SEGMENT_DETAIL},
     *               {@link RawRequest#FRAMING_DETAIL}, {@link HeadSyntax#DETAIL})
     * @return how many listeners are guarded
     */
    static int install(List<Object> transports, Function<String, String> bodies) {
        ListenerGuard guard = new ListenerGuard(bodies.apply(RawRequest.DOT_SEGMENT_DETAIL),
                bodies.apply(RawRequest.FRAMING_DETAIL), bodies.apply(HeadSyntax.DETAIL));
        int guarded = 0;
        for (FilterChain chain : chains(transports)) {
            chain.removeIf(ListenerGuard::isGuard);
            int server = chain.indexOfType(HttpServerFilter.class);
            if (server >= 0) {
                chain.add(server, guard);
                int parser = chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
                if (parser >= 0) {
                    chain.add(parser, new HeadDeadline());
                }
                guarded++;
            }
        }
        return guarded;
    }

    /** Takes the guards off again; answers how many. */
    static int remove(List<Object> transports) {
        int removed = 0;
        for (FilterChain chain : chains(transports)) {
            removed += chain.removeIf(ListenerGuard::isGuard) ? 1 : 0;
        }
        return removed;
    }

    /** A guard or a head deadline of these classes or of the same ones from an earlier deployment's class loader. */
    private static boolean isGuard(Filter filter) {
        String name = filter.getClass().getName();
        return name.equals(ListenerGuard.class.getName()) || name.equals(HeadDeadline.class.getName());
    }

    private static List<FilterChain> chains(List<Object> transports) {
        List<FilterChain> chains = new ArrayList<>();
        for (Object transport : transports) {
            if (transport instanceof Transport grizzly && grizzly.getProcessor() instanceof FilterChain chain) {
                chains.add(chain);
            }
        }
        return chains;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content
                && content.getHttpHeader() instanceof HttpRequestPacket request) {
            Object verdict = request.getAttributes().getAttribute(VERDICT);
            if (content.isLast()) {
                HeadDeadline.over(ctx.getConnection());
            } else if (verdict == null) {
                HeadDeadline.parsed(ctx.getConnection());
            }
            if (verdict == null) {
                byte[] refusal = refusal(request);
                request.getAttributes().setAttribute(VERDICT, refusal == null ? Boolean.TRUE : Boolean.FALSE);
                if (refusal != null) {
                    refuse(ctx, request, refusal);
                    return ctx.getStopAction();
                }
            } else if (verdict == Boolean.FALSE) {
                return ctx.getStopAction(); // the rest of a refused request's body, on a closing connection
            }
        }
        return ctx.getInvokeAction();
    }

    /** The body of the 400 this request gets, or null when it may pass. */
    private byte[] refusal(HttpRequestPacket request) {
        if (RawRequest.encodedDotSegment(request.getRequestURI())) {
            return dotSegmentBody;
        }
        if (malformedHead(request)) {
            return headBody;
        }
        Function<String, List<String>> lines = headerLines(request);
        return RawRequest.ambiguous(lines, request.getProtocolString()) ? framingBody : null;
    }

    /**
     * The request's header lines. Grizzly drops {@code Content-Length} from a chunked request's headers as it parses
     * them, so for a chunked request they are read again from the raw head, which Grizzly keeps until the request is
     * recycled; for any other request its parsed headers still hold every line.
     */
    private static Function<String, List<String>> headerLines(HttpRequestPacket request) {
        byte[] head = request.isChunked() ? rawHead(request) : null;
        if (head != null) {
            Map<String, List<String>> raw = RawRequest.headerLines(head, head.length);
            return name -> raw.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
        return name -> {
            List<String> lines = new ArrayList<>();
            request.getHeaders().values(name).forEach(lines::add);
            return lines;
        };
    }

    /**
     * Whether the head as it came breaks {@link HeadSyntax}, read in place from the buffer Grizzly keeps it in (the
     * whole head, also when it came in pieces), from where the request's method starts: a buffer may hold the
     * request before it, pipelined. A head that cannot be found passes.
     */
    private static boolean malformedHead(HttpRequestPacket request) {
        try {
            if (HEAD != null && HEAD.get(request) instanceof Buffer buffer) {
                int start = 0;
                DataChunk method = request.getMethodDC();
                if (method.getType() == DataChunk.Type.Buffer && method.getBufferChunk().getBuffer() == buffer) {
                    start = method.getBufferChunk().getStart();
                } else if (!startsWith(buffer, request.getMethod().getMethodString() + " ")) {
                    return false;
                }
                int from = start;
                return HeadSyntax.malformed(i -> buffer.get(from + i) & 0xff, buffer.limit() - from);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot read the raw request head", e);
        }
        return false;
    }

    private static boolean startsWith(Buffer buffer, String start) {
        if (buffer.limit() < start.length()) {
            return false;
        }
        for (int i = 0; i < start.length(); i++) {
            if (buffer.get(i) != start.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The request line and header lines as they came, or null when Grizzly holds them no more (HTTP/2). */
    private static byte[] rawHead(HttpRequestPacket request) {
        try {
            if (HEAD != null && HEAD.get(request) instanceof Buffer buffer) {
                byte[] head = new byte[buffer.limit()];
                for (int i = 0; i < head.length; i++) {
                    head[i] = buffer.get(i);
                }
                String start = request.getMethod().getMethodString() + " ";
                return new String(head, 0, Math.min(head.length, start.length()), StandardCharsets.ISO_8859_1)
                        .equals(start) ? head : null;
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot read the raw request head", e);
        }
        return null;
    }

    private static Field headField() {
        try {
            Field field = HttpHeader.class.getDeclaredField("headerBuffer");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "Content-Length before Transfer-Encoding cannot be seen on this Payara: " + e);
            return null;
        }
    }

    /** Answers 400 with the problem body and closes the connection once the answer is out. */
    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, byte[] body) {
        HttpResponsePacket response = request.getResponse();
        response.setStatus(400);
        response.setReasonPhrase("Bad Request");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getProcessingState().setKeepAlive(false);
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
        HttpContext context = response.getProcessingState().getHttpContext();
        if (context != null) {
            context.close();
        } else {
            ctx.getConnection().close();
        }
    }
}
