package io.authsvc.users.control;

/**
 * bcrypt could not start within {@code HASH_START_TIMEOUT_MS}: every hashing thread is taken and others queue
 * before this call. The client gets 503 with {@code Retry-After} at once, instead of a connection that stalls.
 */
public class HashingBusy extends RuntimeException {

    private final long retryAfterSeconds;

    public HashingBusy(long retryAfterSeconds) {
        super("every hashing thread is busy", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When a retry is likely to find a thread free: the queue ahead, at the recent time per hash; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
