package io.chspring.embedded;

import io.chspring.client.ClickHouseConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a request's database and settings to a connection. chDB has no per-query settings argument and a
 * {@code SETTINGS} clause cannot be appended blindly (after {@code CREATE TABLE ... ENGINE} it would set table
 * settings), so they go as one {@code SET} statement. On a fresh connection that is all; on a session's connection
 * the previous values are read first and put back afterwards ({@link #restore}), because over HTTP a request's
 * settings never outlive the request.
 */
final class RequestSettings {

    /** HTTP-interface parameters the client may send that are not settings of the engine. */
    static final Set<String> HTTP_ONLY = Set.of("wait_end_of_query", "buffer_size", "session_check");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> previous;

    private RequestSettings(Map<String, String> previous) {
        this.previous = previous;
    }

    /**
     * Applies {@code database} (when not {@code null}) and {@code settings}; with {@code remember}, records what
     * the settings were so that {@link #restore} can put them back.
     */
    static RequestSettings apply(ChdbConnection connection, String database, Map<String, String> settings,
            boolean remember, String queryId) {
        if (database != null) {
            connection.run("USE " + identifier(database), queryId);
        }
        if (settings.isEmpty()) {
            return new RequestSettings(Map.of());
        }
        settings.keySet().forEach(RequestSettings::checkName);
        Map<String, String> previous = remember ? snapshot(connection, settings.keySet(), queryId) : Map.of();
        List<String> assignments = new ArrayList<>();
        settings.forEach((k, v) -> assignments.add(k + " = " + literal(v)));
        connection.run("SET " + String.join(", ", assignments), queryId);
        return new RequestSettings(previous);
    }

    /** Puts the recorded values back: the session's own value, or the default when it had none. */
    void restore(ChdbConnection connection, String queryId) {
        if (previous.isEmpty()) {
            return;
        }
        List<String> assignments = new ArrayList<>();
        previous.forEach((k, v) -> assignments.add(k + " = " + (v == null ? "DEFAULT" : literal(v))));
        connection.run("SET " + String.join(", ", assignments), queryId);
    }

    /** Name to the session's changed value, or to {@code null} when the setting is at its default. */
    private static Map<String, String> snapshot(ChdbConnection connection, Set<String> names, String queryId) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add(literal(n)));
        // hex() keeps tabs and newlines in values out of the TSV framing.
        String text = connection.text("SELECT name, changed, hex(value) FROM system.settings WHERE name IN ("
                + String.join(", ", quoted) + ")", queryId);
        Map<String, String> previous = new LinkedHashMap<>();
        names.forEach(n -> previous.put(n, null));
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 3 && f[1].equals("1")) {
                previous.put(f[0], new String(HexFormat.of().parseHex(f[2]), StandardCharsets.UTF_8));
            }
        }
        return previous;
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("Invalid setting name '" + name + "'");
        }
    }

    /** A single-quoted SQL string; the engine converts it to the setting's type. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A back-quoted identifier. */
    static String identifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
