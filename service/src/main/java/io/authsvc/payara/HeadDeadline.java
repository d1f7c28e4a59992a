package io.authsvc.payara;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * A filter just before Grizzly's HTTP parser on each of Payara Micro's listeners: a request head that is not whole
 * {@link #LIMIT_NANOS} after its first byte closes its connection. Grizzly parses heads without a thread and with no
 * time limit, so a client that trickles a header line every few seconds (slowloris) kept its connection for good;
 * one that sends nothing more is closed by the listener's idle time-out. {@link ListenerGuard}, after the parser,
 * tells it when a head is whole ({@link #parsed}) and when its request is over ({@link #over}).
 */
final class HeadDeadline extends BaseFilter {

    /** As WildFly's {@code request-parse-timeout} in server-config/wildfly.cli. */
    static final long LIMIT_NANOS = 20_000_000_000L;
    private static final String STARTED = HeadDeadline.class.getName() + ".started";
    /** The value of {@link #STARTED} while a request's body is read: no head is under way. */
    private static final Long IN_BODY = Long.MIN_VALUE;

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        Object started = connection.getAttributes().getAttribute(STARTED);
        long now = System.nanoTime();
        if (started == null) {
            connection.getAttributes().setAttribute(STARTED, now);
        } else if (started instanceof Long since && since.longValue() != IN_BODY && now - since > LIMIT_NANOS) {
            connection.closeSilently();
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    /** The head of the request on {@code connection} is whole: its body, if any, is not timed here. */
    static void parsed(Connection<?> connection) {
        connection.getAttributes().setAttribute(STARTED, IN_BODY);
    }

    /** The request on {@code connection} is over: the next bytes begin a head. */
    static void over(Connection<?> connection) {
        connection.getAttributes().removeAttribute(STARTED);
    }
}
