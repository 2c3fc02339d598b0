package io.chspring.client.request;

import io.chspring.client.ClickHouseConfigurationException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks ClickHouse setting names and turns Java values into their text form. Settings travel as URL parameters,
 * where the server also reads its own protocol parameters; those names are refused here, with a pointer to the
 * client option that sets them, so a setting can never clash with what the client sends itself. Internal: public
 * only so that the client's builder checks its settings the same way requests do.
 */
public final class Settings {

    /**
     * Lets the server compress a response as the request's {@code Accept-Encoding} asks; set by the client when it
     * asks for zstd responses.
     */
    public static final String ENABLE_HTTP_COMPRESSION = "enable_http_compression";

    /**
     * The setting that gives a request's DateTime values without a zone of their own its zone (ClickHouse 23.6+,
     * PR #44149); the client reads it to render and parse {@code LocalDateTime}, {@code ZonedDateTime} and
     * {@code OffsetDateTime} values the way the server will.
     */
    public static final String SESSION_TIMEZONE = "session_timezone";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** URL parameters of the HTTP handler (HTTPHandler.cpp reserved names) that the client controls itself. */
    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("query", "the SQL text"),
            Map.entry("query_id", "Query.queryId(...)"),
            Map.entry("session_id", "Query.session(...) or ClickHouseClient.withSession(...)"),
            Map.entry("session_timeout", "Query.sessionTimeout(...)"),
            Map.entry("session_check", "Query.session(...)"),
            Map.entry("close_session", "Query.session(...)"),
            Map.entry("compress", "the compression option"),
            Map.entry("decompress", "the compression option"),
            Map.entry("database", "the database option"),
            Map.entry("user", "the credentials option"),
            Map.entry("password", "the credentials option"),
            Map.entry("quota_key", "a header"),
            Map.entry("role", "a header"));

    private Settings() {
    }

    /**
     * Checks a setting name.
     *
     * @throws ClickHouseConfigurationException naming the setting when it is malformed or reserved
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("Invalid setting name '" + name
                    + "': a ClickHouse setting name is letters, digits and '_'");
        }
        String replacement = RESERVED.get(name);
        if (replacement != null) {
            throw new ClickHouseConfigurationException("'" + name + "' is not a ClickHouse setting the client passes "
                    + "through; use " + replacement + " instead");
        }
        if (name.startsWith("param_")) {
            throw new ClickHouseConfigurationException("'" + name + "' is a query parameter, not a setting; use "
                    + "Query.param(\"" + name.substring("param_".length()) + "\", value) instead");
        }
        return name;
    }

    /**
     * The text of a setting value: booleans as {@code 1}/{@code 0} (the form every server version parses),
     * decimals without exponent, everything else by {@code toString()}.
     *
     * @throws ClickHouseConfigurationException naming the setting when the value is {@code null}
     */
    public static String valueText(String name, Object value) {
        if (value == null) {
            throw new ClickHouseConfigurationException("Setting '" + name + "' has no value (null)");
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }
}
