package io.chspring.client.inserter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stands in for the network: records every attempt (token, payload) and commits unless a scripted failure
 * is queued for the next attempt.
 */
final class InserterTestSender implements BatchSender {

    /** One attempt as the server would have seen it. */
    record Attempt(String table, List<String> columns, String token, long rows, byte[] payload, boolean committed) {
    }

    /** Encodes a long as 8 little-endian bytes, like RowBinary's Int64. */
    static final RowEncoder<Long> LONG_ENCODER = (value, out) -> {
        long v = value;
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    };

    private final List<Attempt> attempts = new ArrayList<>();
    private final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

    synchronized InserterTestSender failNext(Supplier<RuntimeException> failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public void send(Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            batch.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Supplier<RuntimeException> failure;
        synchronized (this) {
            failure = failures.poll();
            attempts.add(new Attempt(batch.table(), batch.columns(), batch.dedupToken(), batch.rows(),
                    out.toByteArray(), failure == null));
        }
        if (failure != null) {
            throw failure.get();
        }
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<Attempt> committed() {
        return attempts.stream().filter(Attempt::committed).toList();
    }

    synchronized long committedRows() {
        return committed().stream().mapToLong(Attempt::rows).sum();
    }

    /** The longs in every committed payload, in order. */
    synchronized List<Long> committedValues() {
        List<Long> values = new ArrayList<>();
        for (Attempt attempt : committed()) {
            ByteBuffer buffer = ByteBuffer.wrap(attempt.payload()).order(ByteOrder.LITTLE_ENDIAN);
            while (buffer.hasRemaining()) {
                values.add(buffer.getLong());
            }
        }
        return values;
    }
}
