package io.chspring.test.mock;

import io.chspring.client.ServerErrorCodes;
import io.chspring.client.mapping.RowType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The handlers a {@link MockClickHouseServer} answers requests with, one request each, in the order they were
 * added.
 *
 * <pre>{@code
 * mock.add(Handlers.provide(Event.class, List.of(e1, e2)));          // the next query returns two rows
 * RecordHandle<Event> rec = mock.add(Handlers.record(Event.class));  // the next INSERT is recorded
 * RequestHandle ddl = mock.add(Handlers.recordDdl());                // the next statement is accepted
 * mock.add(Handlers.exception(60, "Table default.events doesn't exist"));
 * }</pre>
 */
public final class Handlers {

    private Handlers() {
    }

    /**
     * Answers the next request with {@code rows}, encoded in RowBinary or RowBinaryWithNamesAndTypes as the client
     * asks. The class is mapped like the client maps it ({@link RowType#of(Class)}); column types are inferred from
     * the Java types unless given with {@link ProvideHandler#withColumnType}.
     */
    public static <T> ProvideHandler<T> provide(Class<T> type, List<T> rows) {
        Objects.requireNonNull(type, "type");
        return new ProvideHandler<>(RowType.of(type), Objects.requireNonNull(rows, "rows"));
    }

    /** Answers the next request with these bytes, unchanged, in whatever format the client asked for. */
    public static BytesHandler provideBytes(byte[] bytes) {
        return new BytesHandler(Objects.requireNonNull(bytes, "bytes"), "provideBytes");
    }

    /** Answers the next request with this text in UTF-8, for example TabSeparated rows {@code "1\tclick\n"}. */
    public static BytesHandler provideText(String text) {
        return new BytesHandler(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), "provideText");
    }

    /**
     * Accepts the next request, an {@code INSERT ... FORMAT RowBinary}, and decodes its rows into {@code type}
     * objects for {@link RecordHandle#rows()}. While it is next in line, the client's {@code DESCRIBE TABLE} is
     * answered with the columns of {@code type}.
     */
    public static <T> RecordHandler<T> record(Class<T> type) {
        return new RecordHandler<>(RowType.of(Objects.requireNonNull(type, "type")));
    }

    /** Accepts the next statement (DDL and the like) with an empty answer; {@link RequestHandle#query()} has its text. */
    public static StatementHandler recordDdl() {
        return new StatementHandler("recordDdl");
    }

    /** Accepts the next request of any kind (an INSERT in TabSeparated, say) and keeps its data for {@link RequestHandle#body()}. */
    public static StatementHandler recordRaw() {
        return new StatementHandler("recordRaw");
    }

    /** Fails the next request with a bare HTTP status and no ClickHouse error code, as a proxy in front would. */
    public static FailureHandler failure(int httpStatus) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("A failure needs an HTTP status from 400 to 599, not " + httpStatus);
        }
        return new FailureHandler(httpStatus, 0, null, "HTTP " + httpStatus + " from MockClickHouseServer");
    }

    /**
     * Fails the next request with ClickHouse error {@code code}: the message in a modern server's text form, the
     * {@code X-ClickHouse-Exception-Code} header, and the HTTP status a modern server gives the code (404 for 60
     * UNKNOWN_TABLE, 400 for 62 SYNTAX_ERROR, 500 for most). The symbolic name comes from the client's table of known
     * codes; use {@link #exception(int, String, String)} for others.
     */
    public static FailureHandler exception(int code, String message) {
        return exception(code, ServerErrorCodes.name(code).orElse(null), message);
    }

    /** Like {@link #exception(int, String)} with the symbolic name, e.g. {@code "UNKNOWN_TABLE"}, given. */
    public static FailureHandler exception(int code, String name, String message) {
        if (code <= 0) {
            throw new IllegalArgumentException("A ClickHouse error code is positive, not " + code);
        }
        return new FailureHandler(FailureHandler.statusOf(code), code, name, Objects.requireNonNull(message, "message"));
    }
}
