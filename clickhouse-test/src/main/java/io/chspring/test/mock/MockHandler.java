package io.chspring.test.mock;

import io.chspring.client.mapping.TableColumn;
import io.chspring.client.type.ClickHouseColumn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mock does with one request. Make handlers with {@link Handlers}, configure them, then pass each to
 * {@link MockClickHouseServer#add(MockHandler)} once; it returns the handler's control {@code C} (a
 * {@link RequestHandle} or {@link RecordHandle}) for inspecting the request that consumed it.
 *
 * @param <C> the type of the control {@code add} returns
 */
public abstract class MockHandler<C> {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean added;

    MockHandler() {
    }

    /** Validates the configuration and makes the control; called once, by {@code add}, on the test's thread. */
    abstract C prepare();

    /** Answers the request; any exception or AssertionError is a test failure the mock reports in verify(). */
    abstract void serve(Exchange exchange) throws IOException;

    /** For messages, like {@code provide(Event, 2 rows)}. */
    abstract String describe();

    /** The table columns this handler's row type implies, for an automatic DESCRIBE TABLE; {@code null} if none. */
    List<TableColumn> tableColumns() {
        return null;
    }

    /** The result columns this handler will answer with, for an automatic DESCRIBE (query); {@code null} if none. */
    List<ClickHouseColumn> resultColumns() {
        return null;
    }

    final C addTo() {
        if (added) {
            throw new IllegalStateException(describe() + " was already added; a handler answers one request, make another");
        }
        C control = prepare();
        added = true;
        return control;
    }

    final void header(String name, String value) {
        if (name == null || name.isBlank() || value == null) {
            throw new IllegalArgumentException("A header needs a name and a value");
        }
        headers.put(name, value);
    }

    /** Response headers the test added, sent after (and so replacing) the mock's own. */
    final Map<String, String> headers() {
        return headers;
    }

    @Override
    public String toString() {
        return describe();
    }
}
