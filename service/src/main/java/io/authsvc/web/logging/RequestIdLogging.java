package io.authsvc.web.logging;

import io.authsvc.security.RequestIds;
import io.authsvc.host.Hosts;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line written while a request of this WAR runs names its id: ours, the audit trail's, and those of the
 * container, Jersey and Hibernate on that thread. The server's root log handlers are wrapped while the WAR is
 * deployed; a wrapped line's message starts with {@code [request_id=...]}. Only where the WAR owns the process
 * ({@link Hosts}): on a shared server the handlers, and the lines of the other applications, are left alone.
 */
@WebListener
public class RequestIdLogging implements ServletContextListener {

    public static final String PREFIX = "[request_id=";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // The root handlers are the whole server's: wrapped only where this WAR owns the process.
        if (Hosts.current().ownsProcess()) {
            install(Logger.getLogger(""));
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        uninstall(Logger.getLogger("")); // only ever removes our own wrappers
    }

    static void install(Logger root) {
        for (Handler handler : root.getHandlers()) {
            if (!(handler instanceof Stamping)) {
                // Added before the other is removed: a line logged meanwhile may show twice, but is never lost.
                root.addHandler(new Stamping(handler));
                root.removeHandler(handler);
            }
        }
    }

    static void uninstall(Logger root) {
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof Stamping stamping) {
                root.addHandler(stamping.target);
                root.removeHandler(stamping);
            }
        }
    }

    /** Puts the current request's id in front of the message; the bundle's text first, where the logger has one. */
    static void stamp(LogRecord record, String id) {
        String message = record.getMessage() == null ? "" : record.getMessage();
        if (message.startsWith(PREFIX)) {
            return; // stamped already, on its way to another handler
        }
        ResourceBundle bundle = record.getResourceBundle();
        if (bundle != null) {
            try {
                message = bundle.getString(message);
                record.setResourceBundle(null);
            } catch (MissingResourceException e) {
                // the message is its own text
            }
        }
        record.setMessage(PREFIX + id + "] " + message);
    }

    /** A server handler, with the request id put into what it publishes. */
    static final class Stamping extends Handler {

        final Handler target;

        Stamping(Handler target) {
            this.target = target;
        }

        @Override
        public void publish(LogRecord record) {
            String id = RequestIds.current();
            if (id != null && record != null) {
                stamp(record, id);
            }
            target.publish(record);
        }

        @Override
        public void flush() {
            target.flush();
        }

        @Override
        public void close() {
            target.close();
        }
    }
}
