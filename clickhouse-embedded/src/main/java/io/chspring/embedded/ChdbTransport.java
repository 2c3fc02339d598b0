package io.chspring.embedded;

import com.sun.jna.Pointer;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.transport.Transport;
import io.chspring.client.transport.TransportRequest;
import io.chspring.client.transport.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's {@link Transport} on the in-process chDB engine.
 *
 * <ul>
 *   <li>A request without a session runs on a connection of its own (opened in about 0.2 ms, closed with the
 *       response), so SET, USE and temporary tables never leak between requests; any number of threads query at
 *       once. A request with a session runs on that session's connection ({@link ChdbSessions}).</li>
 *   <li>The output format comes from the {@code default_format} setting the client sends (TabSeparated when
 *       absent); the other settings become a {@code SET} ({@link RequestSettings}). Arrow results are encoded on
 *       one thread ({@link ArrowEncoding}).</li>
 *   <li>{@code {name:Type}} parameters go to {@code chdb_(stream_)query_with_params_n}, integers range-checked
 *       first ({@link ParameterRanges}).</li>
 *   <li>Rows in a request body are spooled to a temporary file and inserted with {@code FROM INFILE}
 *       ({@link InfileInsert}).</li>
 *   <li>SELECTs in a streamable format are streamed chunk by chunk; everything else is read whole and stays in
 *       <b>native memory</b> (not the Java heap) until the response is closed. Closing a streamed response early
 *       cancels the query.</li>
 *   <li>The query id is the client's: chDB's C API cannot set one, so it does not appear in {@code system.query_log}.
 *       Request and response compression are not needed in process and ignored.</li>
 * </ul>
 */
final class ChdbTransport implements Transport {

    private final ChdbEngine engine;
    private final ChdbSessions sessions;
    private final Path tempDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    ChdbTransport(ChdbEngine engine, Path tempDirectory) {
        this.engine = engine;
        this.sessions = new ChdbSessions(engine);
        this.tempDirectory = tempDirectory;
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        if (closed.get()) {
            throw new IllegalStateException("The embedded chDB transport is closed");
        }
        String queryId = request.queryId();
        Map<String, String> settings = new LinkedHashMap<>(request.settings());
        String format = settings.remove("default_format");
        if (format == null) {
            format = "TabSeparated";
        }
        RequestSettings.HTTP_ONLY.forEach(settings::remove);
        ArrowEncoding.serialUnlessChosen(settings, format, request.sql(), engine::hasArrowParallelEncoding);
        ParameterRanges.check(request.sql(), request.parameters());

        String sessionId = request.sessionId();
        ChdbConnection connection = sessionId != null ? sessions.acquire(sessionId, queryId) : engine.connect();
        RequestSettings applied = null;
        boolean handedOver = false;
        try {
            applied = RequestSettings.apply(connection, request.database(), settings, sessionId != null, queryId);
            RequestSettings undo = applied;
            Runnable release = () -> release(connection, sessionId, request, undo);
            TransportResponse response = request.body() != null
                    ? insert(connection, request, format, release)
                    : query(connection, request, format, release);
            handedOver = true;
            return response;
        } finally {
            if (!handedOver) {
                release(connection, sessionId, request, applied);
            }
        }
    }

    private TransportResponse query(ChdbConnection connection, TransportRequest request, String format,
            Runnable release) {
        byte[] sql = request.sql().getBytes(StandardCharsets.UTF_8);
        int headerStrings = StreamableFormats.headerStrings(format, request.sql());
        if (headerStrings >= 0) {
            Pointer stream = connection.stream(sql, format, request.parameters(), request.queryId());
            if (stream != null) {
                StreamingResultStream body = new StreamingResultStream(connection, stream, request.queryId(),
                        headerStrings, release);
                body.start();
                return new ChdbResponse(request.queryId(), format, null, body);
            }
        }
        Pointer result = connection.buffered(sql, format, request.parameters(), request.queryId());
        String summary = ChdbResponse.summary(connection.api(), result);
        return new ChdbResponse(request.queryId(), format, summary, new NativeResultStream(connection, result, release));
    }

    private TransportResponse insert(ChdbConnection connection, TransportRequest request, String format,
            Runnable release) {
        Path file = InfileInsert.spool(request.body(), tempDirectory, request.queryId());
        Pointer result;
        try {
            String sql = InfileInsert.sql(request.sql(), file);
            result = connection.buffered(sql.getBytes(StandardCharsets.UTF_8), format, request.parameters(),
                    request.queryId());
        } finally {
            InfileInsert.delete(file);
        }
        String summary = ChdbResponse.summary(connection.api(), result);
        return new ChdbResponse(request.queryId(), format, summary, new NativeResultStream(connection, result, release));
    }

    private void release(ChdbConnection connection, String sessionId, TransportRequest request,
            RequestSettings applied) {
        if (sessionId == null) {
            connection.close();
            return;
        }
        try {
            if (applied != null) {
                applied.restore(connection, request.queryId());
            }
        } catch (RuntimeException e) {
            // The session would keep this request's settings: drop it rather than let them leak into the next one.
            sessions.release(sessionId, connection, java.time.Duration.ZERO);
            throw new ClickHouseTransportException("Restoring the settings of session " + sessionId + " failed; the "
                    + "session was closed", e, 0, request.queryId(), false);
        }
        sessions.release(sessionId, connection, request.sessionTimeout());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sessions.close();
            engine.release();
        }
    }

    @Override
    public String toString() {
        return "ChdbTransport[" + engine.location() + "]";
    }
}
