package io.chspring.client.rowbinary;

import java.util.Locale;

/**
 * Which time zone gives a {@code java.time.LocalDateTime} its instant, in both directions: when a DateTime or
 * DateTime64 value is read as a {@code LocalDateTime}, when a {@code LocalDateTime} is written to such a column, and
 * when one is bound to a query ({@code ?}, {@code :name} or a server-side parameter). A ClickHouse date-time is an
 * instant (seconds since the epoch); a {@code LocalDateTime} is a wall-clock reading without zone, so one of these
 * rules must say whose wall clock it is.
 *
 * <p>{@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} values need no rule: they name their instant.
 * Read from a column, the last two carry the column's zone, or for a column without one the session's
 * ({@code session_timezone}) or the server's zone, whatever the rule.
 */
public enum TimeZoneRule {

    /**
     * Every {@code LocalDateTime} is UTC wall-clock time, whatever the column, session or server zone (the default):
     * the same value means the same instant everywhere, and it is the same on every server.
     */
    UTC,

    /**
     * A {@code LocalDateTime} is wall-clock time in the session's zone ({@code session_timezone}) when the client
     * sets one, else in the server's zone ({@code SELECT timezone()}), whatever zone a column declares.
     */
    SERVER,

    /**
     * A {@code LocalDateTime} is wall-clock time in the column's zone ({@code DateTime('Asia/Tokyo')}); for a
     * column without one, and for bound values (which have no column), as {@link #SERVER}. This is how ClickHouse
     * itself shows and parses date-times as text ({@code toString(column)}).
     */
    COLUMN;

    /**
     * The rule named {@code name}: {@code utc}, {@code server} or {@code column}, in any case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static TimeZoneRule fromName(String name) {
        if (name != null) {
            for (TimeZoneRule rule : values()) {
                if (rule.name().equalsIgnoreCase(name.strip())) {
                    return rule;
                }
            }
        }
        throw new IllegalArgumentException("Unknown time zone rule '" + name + "': expected utc, server or column");
    }

    /** The name in URLs and properties: {@code utc}, {@code server}, {@code column}. */
    public String urlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
