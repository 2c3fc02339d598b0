package io.chspring.test.mock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.chspring.client.mapping.TableColumn;
import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves each request: answers what the client asks on its own ({@code SELECT version()}, and {@code DESCRIBE} when
 * the test gave the schema), hands everything else to the next handler in the queue, and turns every surprise into
 * a 500 answer for the client plus a problem for {@code verify()}.
 */
final class Router implements HttpHandler {

    private final MockState state;
    private final Supplier<String> version;

    Router(MockState state, Supplier<String> version) {
        this.state = state;
        this.version = version;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        int number = state.nextRequest();
        try (http) {
            Exchange exchange;
            try {
                exchange = new Exchange(http, number, version.get(), state);
            } catch (IOException | RuntimeException e) {
                String text = "request #" + number + " could not be read: " + e;
                state.problem(text);
                byte[] body = ("MockClickHouseServer: " + text + "\n").getBytes(StandardCharsets.UTF_8);
                http.sendResponseHeaders(500, body.length);
                http.getResponseBody().write(body);
                return;
            }
            state.logStatement(exchange.sql());
            serve(exchange);
        }
    }

    private void serve(Exchange exchange) throws IOException {
        MockState.Entry entry = null;
        try {
            if (answeredByTheMock(exchange)) {
                return;
            }
            entry = state.poll();
            if (entry == null) {
                fail(exchange, exchange.describe() + " arrived, but no handler was left; add one with mock.add(...)");
                return;
            }
            entry.handler().serve(exchange);
            if (!exchange.answered()) {
                fail(exchange, entry.describe() + " did not answer " + exchange.describe());
            }
        } catch (Exception | AssertionError e) {
            String who = entry == null ? "" : entry.describe() + " failed on ";
            String text = who + exchange.describe() + ": " + (e instanceof AssertionError ? "" : e.getClass().getSimpleName() + ": ")
                    + e.getMessage();
            if (exchange.answered()) {
                state.problem(text); // the answer is out; the client saw it
            } else {
                fail(exchange, text);
            }
        }
    }

    private void fail(Exchange exchange, String text) throws IOException {
        state.problem(text);
        exchange.error(500, 0, "MockClickHouseServer: " + text, Map.of());
    }

    /**
     * {@code SELECT version(), timezone()}, which the client sends once per transport (and {@code SELECT version()},
     * {@code SELECT timezone()}), never consumes a handler. A DESCRIBE is
     * answered here when the test registered the table or the next handler knows the columns (a typed record
     * handler for DESCRIBE TABLE, a typed provide handler for DESCRIBE (query)); otherwise it goes to the queue.
     */
    private boolean answeredByTheMock(Exchange exchange) throws IOException {
        String sql = exchange.sql();
        if (Statements.isVersionQuery(sql) || Statements.isTimeZoneQuery(sql)) {
            String answer = Statements.isTimeZoneQuery(sql) ? state.timeZone()
                    : Statements.asksTimeZone(sql) ? version.get() + "\t" + state.timeZone() : version.get();
            byte[] body = (answer + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.ok(body, exchange.outputFormat(), new Exchange.Summary(1, body.length, 0, 0), Map.of());
            return true;
        }
        MockState.Entry next = state.peek();
        List<String> table = Statements.describedTable(sql);
        if (table != null) {
            List<TableColumn> columns = state.table(table);
            if (columns == null && next != null) {
                columns = next.handler().tableColumns();
            }
            if (columns != null) {
                answerDescribe(exchange, columns);
                return true;
            }
        } else if (Statements.isDescribeQuery(sql) && next != null && next.handler().resultColumns() != null) {
            List<ClickHouseColumn> columns = next.handler().resultColumns();
            answerDescribe(exchange, columns.stream().map(c -> new TableColumn(c, TableColumn.DefaultKind.NONE)).toList());
            return true;
        }
        return false;
    }

    /** The DESCRIBE output of a modern server: name, type, default_type, default_expression, comment, codec, ttl. */
    private static void answerDescribe(Exchange exchange, List<TableColumn> columns) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (TableColumn c : columns) {
            String kind = c.defaultKind() == TableColumn.DefaultKind.NONE ? "" : c.defaultKind().name();
            tsv.append(escape(c.name())).append('\t').append(escape(c.type().toString())).append('\t').append(kind)
                    .append("\t\t\t\t\n");
        }
        byte[] body = tsv.toString().getBytes(StandardCharsets.UTF_8);
        exchange.ok(body, exchange.outputFormat(), new Exchange.Summary(columns.size(), body.length, 0, 0), Map.of());
    }

    /** TabSeparated escaping (https://clickhouse.com/docs/interfaces/formats/TabSeparated). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("'", "\\'");
    }
}
