package io.authsvc.undertow;

/**
 * A chunked body, byte by byte, against RFC 9112 §7.1: {@code chunk-size} is 1 to 16 hex digits, then optional
 * extensions ({@code ;name=value}, no control characters), then CRLF; a chunk's data is followed by CRLF; the last
 * chunk ({@code 0}) by trailer lines and an empty line. Undertow skips whatever follows the digits to the end of
 * the line, so {@code 0x33} is a last chunk for it and {@code -0} a chunk of no digits: behind a proxy that reads
 * them otherwise, the rest of the body runs as a second request.
 */
final class ChunkSyntax {

    private enum State { SIZE_FIRST, SIZE, SIZE_WS, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START,
        TRAILER, TRAILER_LF, END_LF, DONE }

    private static final int MAX_DIGITS = 16;

    private State state = State.SIZE_FIRST;
    private long size;
    private int digits;
    private long remaining;

    /**
     * Reads {@code length} bytes of the body from {@code at}; answers how many belong to it (fewer once its end is
     * reached: the rest is the next request's), or -1 at the first byte that breaks the syntax.
     */
    int accept(java.nio.ByteBuffer buffer, int at, int length) {
        for (int i = 0; i < length; i++) {
            if (state == State.DONE) {
                return i;
            }
            if (state == State.DATA) {
                long take = Math.min(remaining, length - i);
                remaining -= take;
                i += (int) take - 1;
                if (remaining == 0) {
                    state = State.DATA_CR;
                }
                continue;
            }
            if (!next(buffer.get(at + i) & 0xff)) {
                return -1;
            }
        }
        return length;
    }

    boolean done() {
        return state == State.DONE;
    }

    private boolean next(int b) {
        switch (state) {
            case SIZE_FIRST, SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0 && b < 128) {
                    if (++digits > MAX_DIGITS || size > (Long.MAX_VALUE >> 4)) {
                        return false;
                    }
                    size = size << 4 | digit;
                    state = State.SIZE;
                    return true;
                }
                if (state == State.SIZE_FIRST) {
                    return false;
                }
                return afterSize(b);
            }
            case SIZE_WS -> {
                if (b == ';') {
                    state = State.EXTENSION;
                    return true;
                }
                return b == ' ' || b == '\t';
            }
            case EXTENSION -> {
                if (b == '\r') {
                    state = State.SIZE_LF;
                    return true;
                }
                return b == '\t' || (b >= 0x20 && b != 0x7f);
            }
            case SIZE_LF -> {
                if (b != '\n') {
                    return false;
                }
                if (size == 0) {
                    state = State.TRAILER_START;
                } else {
                    remaining = size;
                    state = State.DATA;
                }
                return true;
            }
            case DATA_CR -> {
                state = State.DATA_LF;
                return b == '\r';
            }
            case DATA_LF -> {
                size = 0;
                digits = 0;
                state = State.SIZE_FIRST;
                return b == '\n';
            }
            case TRAILER_START -> {
                state = b == '\r' ? State.END_LF : State.TRAILER;
                return b != '\n' && b != ' ' && b != '\t';
            }
            case TRAILER -> {
                if (b == '\r') {
                    state = State.TRAILER_LF;
                    return true;
                }
                return b == '\t' || (b >= 0x20 && b != 0x7f);
            }
            case TRAILER_LF -> {
                state = State.TRAILER_START;
                return b == '\n';
            }
            case END_LF -> {
                state = State.DONE;
                return b == '\n';
            }
            default -> {
                return false;
            }
        }
    }

    /** After the digits: white space before an extension, an extension, or the CR that ends the line. */
    private boolean afterSize(int b) {
        switch (b) {
            case '\r' -> state = State.SIZE_LF;
            case ';' -> state = State.EXTENSION;
            case ' ', '\t' -> state = State.SIZE_WS;
            default -> {
                return false;
            }
        }
        return true;
    }
}
