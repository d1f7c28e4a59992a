package io.authsvc.credentials.control;

/**
 * A call could not be given a hashing thread: the wait it could expect is over {@code HASH_QUEUE_MAX_WAIT_MS}
 * (the client gets 503 with {@code Retry-After} at once), or its client went away while it was queued (nobody
 * reads the answer).
 */
public class HashingBusy extends RuntimeException {

    private final long retryAfterSeconds;
    private final boolean callerGone;

    public HashingBusy(long retryAfterSeconds) {
        this(retryAfterSeconds, false);
    }

    HashingBusy(long retryAfterSeconds, boolean callerGone) {
        super(callerGone ? "the caller went away while queued for hashing" : "the hashing queue is full",
                null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.callerGone = callerGone;
    }

    /** When a retry is likely to be served: the queue ahead, at the recent time per hash; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** True when the caller gave up (its client hung up or its thread was interrupted), not the queue. */
    public boolean callerGone() {
        return callerGone;
    }
}
