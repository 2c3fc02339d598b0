package io.chspring.client;

/**
 * Observes every request a client sends, once it is over: for metrics and tracing. Set it with
 * {@link ClickHouseClientBuilder#requestListener(RequestListener)}; derived copies share it.
 *
 * <p>The callback runs on the thread that finished the request (the one that closed the response, or the
 * one whose {@code execute} failed). Keep it quick; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface RequestListener {

    /** A request ended, successfully or not. */
    void onRequest(RequestEvent event);
}
