package io.authsvc.web;

import io.authsvc.problems.BodyTooLarge;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that stops with {@link BodyTooLarge} once it has given more than its limit. A read that fails
 * (the server's read time-out for a client that stalled, a broken chunk) calls {@code onFailure}: the rest of the
 * body is unknown, so its connection cannot carry another request.
 */
class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final Runnable onFailure;
    private long count;

    LimitedInputStream(ServletInputStream in, long limit, Runnable onFailure) {
        this.in = in;
        this.limit = limit;
        this.onFailure = onFailure;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException | RuntimeException e) {
            onFailure.run();
            throw e;
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            onFailure.run();
            throw e;
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws BodyTooLarge {
        count += n;
        if (count > limit) {
            throw new BodyTooLarge(limit);
        }
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
