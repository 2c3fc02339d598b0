package io.chspring.test.mock;

import com.sun.net.httpserver.HttpExchange;
import io.chspring.client.compression.ClickHouseLz4InputStream;
import io.chspring.client.compression.ClickHouseLz4OutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import io.chspring.client.mapping.TableColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request to the mock, read the way ClickHouse's HTTP handler reads it (https://clickhouse.com/docs/interfaces/http):
 * the SQL from the {@code query} URL parameter, with the body as data, or else the body as SQL; the body LZ4-framed
 * when {@code decompress=1}; the answer LZ4-framed when {@code compress=1}. Answers carry the headers of a modern
 * server, which the 18.16 server on our build machines never sends.
 */
final class Exchange {

    /** Longest SQL text read from a body; a longer one is not a statement a test sends. */
    private static final int MAX_SQL_BYTES = 16 << 20;
    private static final Pattern FORMAT_CLAUSE = Pattern.compile("(?is).*\\bFORMAT\\s+([A-Za-z][A-Za-z0-9_]*)\\s*;?\\s*$");

    private final HttpExchange http;
    private final int number;
    private final String serverVersion;
    private final MockState state;
    private final Map<String, String> parameters;
    private final String sql;
    private final boolean hasData;
    private final String queryId;
    private final long started = System.nanoTime();
    private InputStream data;
    private boolean answered;

    Exchange(HttpExchange http, int number, String serverVersion, MockState state) throws IOException {
        this.http = http;
        this.number = number;
        this.serverVersion = serverVersion;
        this.state = state;
        this.parameters = parse(http.getRequestURI().getRawQuery());
        String query = parameters.get("query");
        if (query != null) {
            sql = query;
            hasData = true;
        } else {
            byte[] body = http.getRequestBody().readNBytes(MAX_SQL_BYTES + 1);
            if (body.length > MAX_SQL_BYTES) {
                throw new IOException("the SQL in the body is longer than " + MAX_SQL_BYTES + " bytes");
            }
            sql = new String(body, StandardCharsets.UTF_8);
            hasData = false;
        }
        String id = parameters.get("query_id");
        this.queryId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> map = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return map;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            map.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** The request's number on this mock, from 1, counting every request. */
    int number() {
        return number;
    }

    /** The version the mock reports, for error texts. */
    String serverVersion() {
        return serverVersion;
    }

    /** The schema the test registered for a table, or {@code null}. */
    List<TableColumn> registeredTable(List<String> parts) {
        return state.table(parts);
    }

    String sql() {
        return sql;
    }

    /** The URL parameters (settings, query id, compression flags), decoded. */
    Map<String, String> parameters() {
        return parameters;
    }

    String queryId() {
        return queryId;
    }

    /** Whether the body carries data (the SQL came in the URL). */
    boolean hasData() {
        return hasData;
    }

    /** The output format: {@code default_format}, else a trailing {@code FORMAT} clause, else TabSeparated. */
    String outputFormat() {
        String format = parameters.get("default_format");
        if (format != null) {
            return format;
        }
        Matcher m = FORMAT_CLAUSE.matcher(sql);
        return m.matches() && !Statements.isInsert(sql) ? m.group(1) : "TabSeparated";
    }

    /** The request data, decompressed when {@code decompress=1}; empty when the body was the SQL. */
    InputStream data() {
        if (data == null) {
            InputStream body = hasData ? http.getRequestBody() : InputStream.nullInputStream();
            data = "1".equals(parameters.get("decompress")) ? new ClickHouseLz4InputStream(body) : body;
        }
        return data;
    }

    /** All of {@link #data()}; empty when the body was the SQL. */
    byte[] readData() throws IOException {
        return hasData ? data().readAllBytes() : new byte[0];
    }

    /** For messages: the number and the statement, shortened. */
    String describe() {
        String text = sql.strip().replaceAll("\\s+", " ");
        return "request #" + number + " (" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + ")";
    }

    boolean answered() {
        return answered;
    }

    /** A 200 answer with {@code body} (compressed when asked) and the modern server headers. */
    void ok(byte[] body, String format, Summary summary, Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = body;
        if ("1".equals(parameters.get("compress"))) {
            ByteArrayOutputStream framed = new ByteArrayOutputStream(body.length / 2 + 64);
            try (ClickHouseLz4OutputStream lz4 = new ClickHouseLz4OutputStream(framed)) {
                lz4.write(body);
            }
            bytes = framed.toByteArray();
        }
        var headers = http.getResponseHeaders();
        boolean binary = format != null && (format.startsWith("RowBinary") || format.equals("Native"));
        headers.set("Content-Type", binary ? "application/octet-stream" : "text/plain; charset=UTF-8");
        if (format != null) {
            headers.set("X-ClickHouse-Format", format);
        }
        headers.set("X-ClickHouse-Summary", summary.json(System.nanoTime() - started));
        send(200, bytes, extraHeaders);
    }

    /** An error answer; {@code code} 0 sends no {@code X-ClickHouse-Exception-Code}. */
    void error(int status, int code, String text, Map<String, String> extraHeaders) throws IOException {
        var headers = http.getResponseHeaders();
        headers.set("Content-Type", "text/plain; charset=UTF-8");
        if (code != 0) {
            headers.set("X-ClickHouse-Exception-Code", Integer.toString(code));
        }
        send(status, (text + "\n").getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    private void send(int status, byte[] bytes, Map<String, String> extraHeaders) throws IOException {
        if (answered) {
            throw new IllegalStateException(describe() + " was already answered");
        }
        answered = true;
        // Read what is left of the body first: the client may still be streaming it, and an answer before the
        // end would break its write instead of reporting this answer.
        if (hasData) {
            http.getRequestBody().transferTo(OutputStream.nullOutputStream());
        }
        var headers = http.getResponseHeaders();
        headers.set("X-ClickHouse-Query-Id", queryId);
        headers.set("X-ClickHouse-Timezone", "UTC");
        headers.set("X-ClickHouse-Server-Display-Name", "chspring-mock");
        extraHeaders.forEach(headers::set);
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The counters of {@code X-ClickHouse-Summary}, a flat JSON object with quoted numbers as modern servers send it
     * (since 19.8, PR #5116).
     */
    record Summary(long readRows, long readBytes, long writtenRows, long writtenBytes) {

        static final Summary NONE = new Summary(0, 0, 0, 0);

        String json(long elapsedNanos) {
            return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes + "\",\"written_rows\":\""
                    + writtenRows + "\",\"written_bytes\":\"" + writtenBytes + "\",\"total_rows_to_read\":\"" + readRows
                    + "\",\"result_rows\":\"" + (writtenRows > 0 ? writtenRows : readRows) + "\",\"result_bytes\":\""
                    + (writtenRows > 0 ? writtenBytes : readBytes) + "\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
        }
    }

    /** The request's HTTP headers, names in lower case, the first value of each. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }
}
