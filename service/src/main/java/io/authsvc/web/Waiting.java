package io.authsvc.web;

import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the client of the request this thread serves is still there, as the web layer tells it: a call queued
 * for hashing asks while it waits, and leaves the queue when its client has hung up.
 */
public final class Waiting {

    private static final ThreadLocal<BooleanSupplier> GONE = new ThreadLocal<>();
    private static final Logger LOG = Logger.getLogger(Waiting.class.getName());

    private Waiting() {
    }

    /** Set by the web layer for the time of one request. */
    public static void set(BooleanSupplier gone) {
        GONE.set(gone);
    }

    public static void clear() {
        GONE.remove();
    }

    /** True only when the client is known to have gone; false when nobody can tell. Never throws. */
    public static boolean callerGone() {
        BooleanSupplier gone = GONE.get();
        if (gone == null) {
            return false;
        }
        try {
            return gone.getAsBoolean();
        } catch (RuntimeException | LinkageError unknown) {
            LOG.log(Level.FINE, "cannot tell whether the client is still connected", unknown);
            return false;
        }
    }
}
