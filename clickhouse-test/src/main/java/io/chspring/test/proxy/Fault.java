package io.chspring.test.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * One way of breaking a request passing through a {@link FaultInjectingProxy}. A fault applies to a whole request
 * and its response (the proxy sees a request start when the client sends bytes after the server answered, so
 * keep-alive connections taken from a pool are affected like new ones).
 */
public final class Fault {

    enum Kind { NONE, RESET, STALL, STALL_RESPONSE, DRIP, CUT, DROP_RESPONSE }

    private final Kind kind;
    private final Direction direction;
    private final long bytes;
    private final Duration interval;

    private Fault(Kind kind, Direction direction, long bytes, Duration interval) {
        this.kind = kind;
        this.direction = direction;
        this.bytes = bytes;
        this.interval = interval;
    }

    /** Pass everything through unchanged. */
    public static Fault none() {
        return new Fault(Kind.NONE, null, 0, null);
    }

    /** Reset the client's connection (TCP RST) as soon as the request begins; the server sees nothing. */
    public static Fault reset() {
        return new Fault(Kind.RESET, null, 0, null);
    }

    /** Swallow the request and answer nothing, keeping the connection open: a server or network that hangs. */
    public static Fault stall() {
        return new Fault(Kind.STALL, null, 0, null);
    }

    /**
     * Forward the request but hold back every byte of the response, keeping the connection open: the server runs
     * (and commits) the statement, the client waits.
     */
    public static Fault stallResponse() {
        return new Fault(Kind.STALL_RESPONSE, null, 0, null);
    }

    /**
     * Forward {@code bytes} bytes in one direction every {@code interval}: a slow network or a slow server that
     * keeps each read just under a socket timeout.
     */
    public static Fault drip(Direction direction, int bytes, Duration interval) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        return new Fault(Kind.DRIP, Objects.requireNonNull(direction, "direction"), bytes, interval);
    }

    /**
     * Forward the first {@code bytes} bytes of the request or of the response, then reset both connections: a
     * connection broken mid-transfer.
     */
    public static Fault cutAfter(Direction direction, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return new Fault(Kind.CUT, Objects.requireNonNull(direction, "direction"), bytes, null);
    }

    /**
     * Forward the whole request, and when the server begins to answer (an HTTP server answers an insert after it
     * committed it), discard the answer and reset the client's connection: the server commits, the client never
     * hears of it.
     */
    public static Fault dropResponse() {
        return new Fault(Kind.DROP_RESPONSE, null, 0, null);
    }

    Kind kind() {
        return kind;
    }

    boolean affects(Direction d) {
        return direction == d;
    }

    long bytes() {
        return bytes;
    }

    Duration interval() {
        return interval;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case RESET -> "reset";
            case STALL -> "stall";
            case STALL_RESPONSE -> "stallResponse";
            case DRIP -> "drip(" + direction + ", " + bytes + " bytes every " + interval.toMillis() + " ms)";
            case CUT -> "cutAfter(" + direction + ", " + bytes + " bytes)";
            case DROP_RESPONSE -> "dropResponse";
        };
    }
}
