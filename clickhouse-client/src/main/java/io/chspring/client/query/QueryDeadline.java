package io.chspring.client.query;

import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response that must be read completely before a deadline: at the deadline the exchange is aborted from a timer
 * thread, so a read blocked on a server that keeps sending slowly fails at once, and every read after it throws a
 * {@link ClickHouseTimeoutException}. A per-read socket timeout cannot do this: a server dripping a row every second
 * never lets it expire.
 */
final class QueryDeadline implements TransportResponse {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final TransportResponse response;
    private final Duration limit;
    private final ScheduledFuture<?> abort;
    private volatile boolean expired;
    private InputStream body;

    private QueryDeadline(TransportResponse response, Duration limit, long remainingNanos) {
        this.response = response;
        this.limit = limit;
        this.abort = TIMER.schedule(this::expire, Math.max(0, remainingNanos), TimeUnit.NANOSECONDS);
    }

    /** {@code response} with the rest of {@code limit}, counted from {@code startNanos}, to be read. */
    static TransportResponse of(TransportResponse response, Duration limit, long startNanos) {
        return new QueryDeadline(response, limit, limit.toNanos() - (System.nanoTime() - startNanos));
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chspring-query-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private void expire() {
        expired = true;
        response.abort();
    }

    /** The failure of the aborted read is kept as suppressed, not as the cause, so callers that look for a
     * server error among the causes find this timeout first. */
    private ClickHouseTimeoutException timeout(Throwable failedRead) {
        ClickHouseTimeoutException e = new ClickHouseTimeoutException("query " + response.queryId()
                + " did not finish within its timeout of " + limit.toMillis()
                + " ms (the whole query); it was cancelled", null, 0, response.queryId(), false);
        if (failedRead != null) {
            e.addSuppressed(failedRead);
        }
        return e;
    }

    @Override
    public String queryId() {
        return response.queryId();
    }

    @Override
    public Optional<String> header(String name) {
        return response.header(name);
    }

    @Override
    public InputStream body() {
        if (body == null) {
            body = new Body(response.body());
        }
        return body;
    }

    @Override
    public void abort() {
        response.abort();
    }

    @Override
    public void close() {
        abort.cancel(false);
        response.close();
    }

    private final class Body extends InputStream {
        private final InputStream in;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            check();
            try {
                return in.read();
            } catch (IOException | RuntimeException e) {
                if (expired) {
                    throw timeout(e);
                }
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            try {
                return in.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                if (expired) {
                    throw timeout(e);
                }
                throw e;
            }
        }

        @Override
        public int available() throws IOException {
            return expired ? 0 : in.available();
        }

        private void check() {
            if (expired) {
                throw timeout(null);
            }
        }

        @Override
        public void close() {
            QueryDeadline.this.close();
        }
    }
}
