package io.chspring.client.transport;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport on Apache HttpClient 5 (classic, blocking I/O) with a connection pool.
 *
 * <p>Idle connections are evicted before the server's keep-alive ends and checked before reuse after a short
 * idleness; should a pooled connection still turn out stale, an idempotent request is sent once more on a fresh
 * one. HttpClient's own retries are off: retrying INSERTs needs deduplication tokens, which is the caller's job.
 *
 * <p>Without a {@link HttpClientCustomizer} the requests go through HttpClient's minimal client on the same pool,
 * not through its exec chain. The chain plans a route, re-parses every request URI for its authentication cache and
 * handles redirects, cookies, retries and challenges: all switched off or done by this transport (it sends its own
 * authentication headers). Skipping it took 13-20 % (medians of two runs; up to 48 %) off the client's CPU per
 * small query at 16 and 64 threads and 5 KB off its allocation (benchmarks/RESULTS.md, issue 17, session 7). The minimal client keeps
 * a connection for reuse without the server's {@code Keep-Alive} timeout, so the idle eviction (below every server's
 * keep-alive by default) and the check before reuse bound its life. A customizer may add what the chain serves (a
 * proxy, interceptors), so with one the full client is built.
 */
public final class HttpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final TlsSocketStrategy NO_TLS = (socket, target, port, attachment, context) -> {
        throw new SSLException("TLS is not configured: the endpoint is http://, not https:// (" + target + ")");
    };

    private final HttpTransportOptions options;
    private final CloseableHttpClient client;
    /** Closes idle and expired pooled connections, whichever client sends (HttpClient's builder runs none here). */
    private final IdleConnectionEvictor evictor;
    /** The endpoint's scheme, host and port, given to every request (the minimal client does not derive it). */
    private final HttpHost target;
    private final HttpRequests requests;
    /** The timeouts of a request without its own response timeout (most of them): built once, it is immutable. */
    private final RequestConfig defaultConfig;
    private final String endpointForMessages;

    private HttpTransport(HttpTransportOptions options) {
        this.options = options;
        this.requests = new HttpRequests(options);
        this.defaultConfig = requestConfig(options, null);
        PoolingHttpClientConnectionManager pool = pool(options);
        this.client = options.customizer() == null ? HttpClients.createMinimal(pool)
                : fullClient(options, pool, defaultConfig);
        this.evictor = new IdleConnectionEvictor(pool, TimeValue.ofMilliseconds(options.idleEviction().toMillis()));
        evictor.start();
        this.target = HttpHost.create(options.endpoint().uri());
        this.endpointForMessages = options.endpoint().authority();
    }

    /** A transport with its own connection pool; close it to release the pool. */
    public static HttpTransport create(HttpTransportOptions options) {
        return new HttpTransport(Objects.requireNonNull(options, "options"));
    }

    private static PoolingHttpClientConnectionManager pool(HttpTransportOptions o) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(timeout(o.connectTimeout()))
                .setSocketTimeout(timeout(o.responseTimeout()))
                .setValidateAfterInactivity(TimeValue.ofMilliseconds(o.validateAfterInactivity().toMillis()))
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(o.maxConnectionsTotal())
                .setMaxConnPerRoute(o.maxConnectionsPerRoute())
                .setDefaultConnectionConfig(connections)
                // HttpClient's own header and wire logs print credentials; this connection logs headers redacted
                .setConnectionFactory(RedactingConnection.FACTORY);
        if (o.secure()) {
            pool.setTlsSocketStrategy(TlsContexts.strategy(o.tls()));
        } else {
            // Without a strategy the pool builds HttpClient's default TLS context (loads the JDK trust store): about
            // 0.4 s of CPU at every client start, for an http:// endpoint that never opens a TLS connection.
            pool.setTlsSocketStrategy(NO_TLS);
        }
        return pool.build();
    }

    private static CloseableHttpClient fullClient(HttpTransportOptions o, PoolingHttpClientConnectionManager manager,
            RequestConfig defaults) {
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(defaults)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // Compression is ClickHouse's own block framing, chosen per request; no gzip negotiation.
                .disableContentCompression();
        o.customizer().customize(builder);
        return builder.build();
    }

    private static RequestConfig requestConfig(HttpTransportOptions o, Duration responseTimeout) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(timeout(o.connectTimeout()))
                .setResponseTimeout(timeout(responseTimeout != null ? responseTimeout : o.responseTimeout()))
                .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.of(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        Duration responseTimeout = request.responseTimeout() != null ? request.responseTimeout() : options.responseTimeout();
        RequestConfig config = request.responseTimeout() != null ? requestConfig(options, responseTimeout)
                : defaultConfig;
        boolean retried = false;
        while (true) {
            ClassicHttpResponse response;
            HttpPost post = requests.build(request, config);
            ResponseWatchdog watchdog = ResponseWatchdog.watch(post, request);
            try {
                response = client.executeOpen(target, post, null);
            } catch (IOException e) {
                if (watchdog != null && watchdog.fired()) {
                    throw new ClickHouseTimeoutException("query " + request.queryId() + ": no response head within "
                            + request.responseTimeout().toMillis() + " ms from " + endpointForMessages
                            + " (the request's timeout, as wall-clock time); the request was cancelled", e, 0,
                            request.queryId(), true);
                }
                if (!retried && request.idempotent() && isStaleConnection(e)) {
                    // The server closed a pooled connection we had not yet noticed as closed (keep-alive race).
                    LOG.debug("query {}: stale pooled connection ({}); sending once more", request.queryId(), e.toString());
                    retried = true;
                    continue;
                }
                throw HttpErrors.fromIo(e, endpointForMessages, request.queryId(), responseTimeout.toMillis());
            } catch (IllegalStateException e) {
                throw new ClickHouseTransportException("transport is closed (" + endpointForMessages + ")", e, 0,
                        request.queryId(), false);
            } finally {
                if (watchdog != null) {
                    watchdog.close();
                }
            }
            try {
                return HttpTransportResponse.open(response, post, request, responseTimeout.toMillis());
            } catch (ClickHouseException e) {
                throw e;
            } catch (IOException e) {
                post.cancel();
                closeQuietly(response);
                throw HttpErrors.fromIo(e, endpointForMessages, request.queryId(), responseTimeout.toMillis());
            }
        }
    }

    /**
     * A failure before any response byte on a connection the server had already closed: no response at all, or a
     * reset/closed socket. Refused connections, timeouts and TLS failures are not stale connections.
     */
    static boolean isStaleConnection(IOException e) {
        if (e instanceof NoHttpResponseException || e instanceof ConnectionClosedException) {
            return true;
        }
        return e instanceof SocketException && !(e instanceof ConnectException) && !(e.getCause() instanceof SSLException);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            LOG.debug("closing a failed response", e);
        }
    }

    /** Yes: a request asking for compression gets an LZ4-framed body ({@code decompress=1}). */
    @Override
    public boolean framesRequestBodies() {
        return true;
    }

    /** Yes: the HTTP interface reads tables from a {@code multipart/form-data} body. */
    @Override
    public boolean supportsExternalData() {
        return true;
    }

    /** Closes the pool; responses still open fail on their next read. */
    @Override
    public void close() {
        evictor.shutdown();
        client.close(CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "HttpTransport[" + options + ']';
    }
}
