package io.chspring.client.transport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;

/**
 * Bounds the wait for a query's response head by the request's own timeout, as wall-clock time. The socket timeout
 * only limits each read, so a server (or a network) that drips its status line and headers a few bytes at a time
 * would otherwise hold the caller for as long as it likes; past the head, the query's own deadline takes over.
 * Only for requests without a body: an insert's upload may rightly take longer than its response timeout.
 */
final class ResponseWatchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chspring-response-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired = new AtomicBoolean();

    private ResponseWatchdog(HttpPost post, Duration limit) {
        this.task = TIMER.schedule(() -> {
            fired.set(true);
            post.cancel();
        }, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A watchdog for {@code request}, or {@code null} when it has a body or no timeout of its own. */
    static ResponseWatchdog watch(HttpPost post, TransportRequest request) {
        return request.body() == null && request.responseTimeout() != null
                ? new ResponseWatchdog(post, request.responseTimeout()) : null;
    }

    /** Whether the limit passed and the exchange was cancelled. */
    boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
