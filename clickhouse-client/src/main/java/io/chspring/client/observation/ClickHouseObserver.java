package io.chspring.client.observation;

import java.util.concurrent.Callable;

/**
 * Observes the requests a client sends and the batches its Inserters send, from start to end: for tracing. Set it with
 * {@code ClickHouseClientBuilder.observer(...)}; derived copies of the client and its Inserters share it.
 *
 * <p>{@link #request} runs on the thread that sends the request, right before it is sent; the returned observation
 * ends when the response is closed (a streamed result counts until its cursor is closed) or sending failed, possibly on
 * another thread. {@link #batch} runs on the Inserter's sender thread before the first attempt of a batch; every
 * attempt runs inside an {@link BatchObservation#attempt attempt scope} on that thread, so an implementation that keeps
 * a current span per thread (Micrometer's) sees a batch's requests as its children. Keep the callbacks quick; an
 * exception they throw is logged and the request or batch goes on unobserved.
 */
public interface ClickHouseObserver {

    /** Observes nothing. */
    ClickHouseObserver NONE = new ClickHouseObserver() {
    };

    /** A request is about to be sent. */
    default RequestObservation request(RequestStart request) {
        return RequestObservation.NONE;
    }

    /**
     * {@code task} made to run, on whatever thread, in the observation context that is current on the calling thread
     * now: a large {@code Insert} sends its request from a helper thread while the caller writes rows, and its request
     * belongs to the caller's current span all the same. The default runs the task as it is.
     */
    default <T> Callable<T> inCurrentContext(Callable<T> task) {
        return task;
    }

    /** An Inserter batch (or a spooled batch being replayed) is about to be sent for the first time. */
    default BatchObservation batch(BatchStart batch) {
        return BatchObservation.NONE;
    }
}
