package io.chspring.it;

import static io.chspring.it.ItSupport.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ServerErrorCodes;
import io.chspring.client.query.QueryResponse;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An exception the server raises after it has streamed rows arrives in a 200 response, appended to the data
 * (quirk 4). The client must surface it as an error, and never hand back the rows before it as a short result.
 */
@ClickHouseIntegrationTest
class MidStreamErrorIntegrationTests {

    private static final long THROWING_ROW = 3_000_000;
    /** One UInt8 (0) per row; the server has flushed ~2.5 MB of them when row 3,000,000 throws. */
    private static final String LATE_THROW = "SELECT throwIf(number = 3000000) FROM system.numbers";
    /** Before the server's first flush (~2.5 MB): the error comes as an HTTP 500. */
    private static final String EARLY_THROW = "SELECT throwIf(number = 200000) FROM system.numbers";
    /** Rows of (UInt64 number, UInt8 0), 27 MB up to the throwing row: poorly compressible, so streamed in frames. */
    private static final String LATE_THROW_WIDE = "SELECT number, throwIf(number = 3000000) FROM system.numbers";

    private record Outcome(long rows, Throwable thrown) {
    }

    /**
     * Sends the query and reads its rows, checking each one, until the stream ends or fails; {@code wide} rows carry
     * their number before the throwIf byte.
     */
    private static Outcome readAll(Supplier<QueryResponse> query, boolean wide) {
        long[] rows = {0};
        Throwable thrown = catchThrowable(() -> {
            try (QueryResponse response = query.get()) {
                RowBinaryInput in = new RowBinaryInput(response, 65536);
                while (in.hasMore()) {
                    if (wide) {
                        assertThat(in.readLong()).isEqualTo(rows[0]);
                    }
                    assertThat(in.readByte()).as("row %d", rows[0]).isZero(); // never the error text as rows
                    rows[0]++;
                }
            }
        });
        return new Outcome(rows[0], thrown);
    }

    private static ClickHouseServerException throwIfError(Outcome outcome) {
        assertThat(outcome.thrown()).as("a mid-stream error after %d rows", outcome.rows())
                .isInstanceOf(ClickHouseServerException.class);
        ClickHouseServerException e = (ClickHouseServerException) outcome.thrown();
        assertThat(e.errorCode()).isEqualTo(395);
        assertThat(e.errorName()).isEqualTo("FUNCTION_THROW_IF_VALUE_IS_NON_ZERO");
        assertThat(e.getMessage()).contains("Value passed to 'throwIf' function is non zero");
        assertThat(outcome.rows()).isLessThan(THROWING_ROW);
        return e;
    }

    @Test
    void anErrorAfterStreamedRowsIsThrownFromRead(ClickHouseTestDatabase db) {
        String id = "it-midstream-" + UUID.randomUUID();
        try (ClickHouseClient client = ItSupport.client(db)) {
            Outcome outcome = readAll(() -> client.query(LATE_THROW).queryId(id).fetchBytes("RowBinary"), false);
            ClickHouseServerException e = throwIfError(outcome);
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.queryId()).isEqualTo(id);
            assertThat(outcome.rows()).isPositive();
            // the connection is not poisoned
            assertThat(client.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");
        }
    }

    @Test
    void anErrorAfterStreamedCompressedFramesIsThrownFromRead(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).forceResponseCompression(true).build()) {
            Outcome outcome = readAll(() -> client.query(LATE_THROW_WIDE).fetchBytes("RowBinary"), true);
            assertThat(throwIfError(outcome).httpStatus()).isEqualTo(200);
            assertThat(outcome.rows()).isGreaterThan(100_000L);
        }
    }

    @Test
    void anErrorStillInTheServersCompressingBufferIsAFramedHttpError(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ClickHouseClient.builder().url(db.url()).forceResponseCompression(true).build()) {
            // 3 MB of zeros are a few kB compressed: all still buffered when the row throws, so the answer is a
            // 500 whose error text is LZ4-framed like the data would have been.
            Outcome outcome = readAll(() -> client.query(LATE_THROW).fetchBytes("RowBinary"), false);
            assertThat(throwIfError(outcome).httpStatus()).isEqualTo(500);
            assertThat(outcome.rows()).isZero();
            ClickHouseServerException syntax = serverError(ServerErrorCodes.SYNTAX_ERROR,
                    () -> client.query("SELEC 1").fetchString("TabSeparated"));
            assertThat(syntax.httpStatus()).isEqualTo(400);
            assertThat(syntax.getMessage()).contains("Syntax error");
        }
    }

    @Test
    void executeReadsToTheEndAndThrowsAMidStreamError(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            assertThat(serverError(395, () -> client.execute(LATE_THROW)).httpStatus()).isEqualTo(200);
        }
    }

    @Test
    void anErrorBeforeTheFirstFlushIsAnHttpError(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            Outcome outcome = readAll(() -> client.query(EARLY_THROW).fetchBytes("RowBinary"), false);
            assertThat(throwIfError(outcome).httpStatus()).isEqualTo(500);
            assertThat(outcome.rows()).isZero();
        }
    }

    @Test
    void waitEndOfQueryTurnsALateErrorIntoAnHttpError(ClickHouseTestDatabase db) {
        try (ClickHouseClient client = ItSupport.client(db)) {
            Outcome outcome = readAll(() -> client.query(LATE_THROW).waitEndOfQuery(true).fetchBytes("RowBinary"),
                    false);
            assertThat(throwIfError(outcome).httpStatus()).isEqualTo(500);
            assertThat(outcome.rows()).isZero();
        }
    }
}
