package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Decides, for a request that failed before its response began, whether the endpoint is at fault (quarantine
 * it) and whether the request may go to another endpoint.
 *
 * <p>A request that never reached the server (refused, unreachable, connect timeout) may go anywhere. One that may
 * have reached it (reset, no response, timeout before the first byte, a server overloaded or losing its
 * ZooKeeper session) may be repeated only when repeating it cannot change the result: queries, and requests the
 * caller marked idempotent. Inserts are repeated by the Inserter, which knows how to deduplicate. A response that
 * has begun is never repeated here: its rows may already be in the caller's hands.
 */
final class Failover {

    private Failover() {
    }

    /** Whether the request certainly did not reach the server. */
    static boolean notSent(IOException e) {
        return e instanceof ConnectTimeoutException || e instanceof HttpHostConnectException
                || e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException || e instanceof ConnectionRequestTimeoutException;
    }

    /** Whether an I/O failure says something about the endpoint (so that it should be quarantined). */
    static boolean endpointFault(IOException e) {
        if (e instanceof ConnectionRequestTimeoutException) {
            return false; // our own pool is full: the endpoint may be fine
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && !(e instanceof ConnectTimeoutException)) {
            return false; // the caller interrupted us
        }
        return !(e instanceof SSLException);
    }

    /** Whether an error response says the endpoint is in trouble: a 5xx with a retryable code, or from a proxy. */
    static boolean endpointFault(ClickHouseException e) {
        if (e instanceof ClickHouseServerException s) {
            return s.httpStatus() >= 500 && s.isRetryable();
        }
        return e.isRetryable();
    }

    /** Whether a request that failed with an I/O error may be sent to another endpoint. */
    static boolean mayRetryElsewhere(IOException e, boolean idempotent) {
        if (e instanceof SSLException || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && !(e instanceof ConnectTimeoutException))) {
            return false;
        }
        return notSent(e) || idempotent;
    }

    /** Whether a request answered with an error may be sent to another endpoint. */
    static boolean mayRetryElsewhere(ClickHouseException e, boolean idempotent) {
        return idempotent && endpointFault(e);
    }
}
