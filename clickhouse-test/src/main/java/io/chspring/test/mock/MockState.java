package io.chspring.test.mock;

import io.chspring.client.mapping.TableColumn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test and the server threads share: the handler queue, the problems found while serving, the schemas the
 * test registered and a log of recent statements. Every method holds the lock; handlers run outside it.
 */
final class MockState {

    /** Recent statements kept for {@code statements()}; older ones are dropped so a long test stays bounded. */
    static final int LOG_SIZE = 1000;

    /** A handler and its number in the order of {@code add} calls, for messages. */
    record Entry(int number, MockHandler<?> handler) {

        String describe() {
            return "handler #" + number + " " + handler.describe();
        }
    }

    private final Deque<Entry> queue = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<TableColumn>> tables = new LinkedHashMap<>();
    private final Deque<String> statements = new ArrayDeque<>();
    private int handlersAdded;
    private int requests;
    private volatile String timeZone = "UTC";

    String timeZone() {
        return timeZone;
    }

    void timeZone(String zone) {
        this.timeZone = zone;
    }

    synchronized Entry add(MockHandler<?> handler) {
        Entry entry = new Entry(++handlersAdded, handler);
        queue.addLast(entry);
        return entry;
    }

    synchronized Entry peek() {
        return queue.peekFirst();
    }

    synchronized Entry poll() {
        return queue.pollFirst();
    }

    synchronized int nextRequest() {
        return ++requests;
    }

    synchronized void logStatement(String sql) {
        if (statements.size() == LOG_SIZE) {
            statements.removeFirst();
        }
        statements.addLast(sql);
    }

    synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    synchronized void problem(String text) {
        problems.add(text);
    }

    synchronized void table(String name, List<TableColumn> columns) {
        tables.put(name, columns);
    }

    /** The registered schema of a table named by {@code parts}, matched qualified or by its last part. */
    synchronized List<TableColumn> table(List<String> parts) {
        List<TableColumn> exact = tables.get(String.join(".", parts));
        return exact != null ? exact : tables.get(parts.get(parts.size() - 1));
    }

    /** Every problem: handlers left unused, then failures while serving, in order; empty when all went well. */
    synchronized List<String> problems() {
        List<String> all = new ArrayList<>();
        for (Entry e : queue) {
            all.add(e.describe() + " was never used: no request reached it");
        }
        all.addAll(problems);
        return all;
    }

    /** Forgets handlers, problems and the statement log; keeps the registered tables. */
    synchronized void reset() {
        queue.clear();
        problems.clear();
        statements.clear();
    }
}
