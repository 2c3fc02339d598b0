package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the client's integration tests: clients on the test database and RowBinary expectations. */
final class ItSupport {

    /**
     * A query that runs until killed or timed out without using CPU: ~0.1 s per block of 100 rows. {@code sleep()}
     * is capped at 3 s on 18.16 (code 160), so slow queries are built from {@code sleepEachRow}.
     */
    static final String ENDLESS_QUERY = "SELECT count() FROM system.numbers WHERE NOT ignore(sleepEachRow(0.001))";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ItSupport() {
    }

    /** A root client on the test database as the server's default user; the caller closes it. */
    static ClickHouseClient client(ClickHouseTestDatabase db) {
        return ClickHouseClient.fromUrl(db.url(db.server().defaultUser()));
    }

    /**
     * Runs one statement as the default user on a server's base URL with the JDK's HTTP client, independent of the
     * client under test, and returns the body.
     */
    static String post(String baseUrl, String sql) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/"))
                    .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("HTTP " + response.statusCode() + " for " + sql + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The RowBinary encoding of one String value: LEB128 length, then the bytes. */
    static byte[] rowBinaryString(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 5);
        writeVarInt(out, bytes.length);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static void writeVarInt(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Runs {@code call}, asserts it throws a server error with {@code code}, and returns it. */
    static ClickHouseServerException serverError(int code, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ClickHouseServerException.class);
        ClickHouseServerException e = (ClickHouseServerException) thrown;
        assertThat(e.errorCode()).as("error code of %s", e.getMessage()).isEqualTo(code);
        return e;
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} with {@code what}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The {@code columns} of the QueryFinish row (type 2) {@code system.query_log} holds for a query id, waiting for
     * it: 18.16 logs only with {@code log_queries=1}, and writes an INSERT's finish row shortly after the response.
     */
    static String finishedLogEntry(ClickHouseTestDatabase db, String queryId, String columns)
            throws InterruptedException {
        String sql = "SELECT " + columns + " FROM system.query_log WHERE type = 2 AND query_id = "
                + SqlLiterals.toLiteral(queryId);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            db.query("SYSTEM FLUSH LOGS");
            String row = db.query(sql);
            if (!row.isEmpty()) {
                return row;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + queryId + " has no QueryFinish row in system.query_log");
            }
            Thread.sleep(50);
        }
    }

    /** A ProfileEvents counter of a finished query, 0 when the query did not count it. */
    static long profileEvent(ClickHouseTestDatabase db, String queryId, String event) throws InterruptedException {
        return Long.parseLong(finishedLogEntry(db, queryId, "ProfileEvents.Values[indexOf(ProfileEvents.Names, "
                + SqlLiterals.toLiteral(event) + ")]").strip());
    }

    /** Whether a query with this id is running, as {@code system.processes} says. */
    static boolean running(ClickHouseTestDatabase db, String queryId) {
        return !db.query("SELECT query_id FROM system.processes WHERE query_id = " + SqlLiterals.toLiteral(queryId)).isEmpty();
    }
}
