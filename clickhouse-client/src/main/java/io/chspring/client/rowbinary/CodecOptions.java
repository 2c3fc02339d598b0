package io.chspring.client.rowbinary;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Context for building codecs.
 *
 * @param defaultTimeZone the zone of DateTime/DateTime64 columns without an explicit zone: the session's
 *     ({@code session_timezone}) or server's zone. {@code null} in {@link #DEFAULT}: a client fills in its server's
 *     zone when it builds codecs for a request; codecs built without a client use UTC
 * @param jsonAsString whether JSON values travel as JSON text (the server settings
 *     {@code output_format_binary_write_json_as_string=1} / {@code input_format_binary_read_json_as_string=1})
 *     instead of the native binary form
 * @param truncateFractionalSeconds whether a written DateTime/DateTime64 value with more fraction digits than the
 *     column keeps is truncated (towards the past) to the column's precision instead of rejected; off by default,
 *     because a silent loss of digits is a bug more often than an intent
 * @param timeZoneRule whose wall clock a {@code LocalDateTime} is; {@code null} in {@link #DEFAULT}: a client fills
 *     in its configured rule; codecs built without a client use {@link TimeZoneRule#UTC}
 */
public record CodecOptions(@Nullable ZoneId defaultTimeZone, boolean jsonAsString, boolean truncateFractionalSeconds,
        @Nullable TimeZoneRule timeZoneRule) {

    /** The client's zone and rule (UTC without a client), binary JSON, fractions a column cannot keep rejected. */
    public static final CodecOptions DEFAULT = new CodecOptions(null, false, false, null);

    /** Options with the client's time zone rule. */
    public CodecOptions(@Nullable ZoneId defaultTimeZone, boolean jsonAsString, boolean truncateFractionalSeconds) {
        this(defaultTimeZone, jsonAsString, truncateFractionalSeconds, null);
    }

    /** Options that reject fractions a column cannot keep. */
    public CodecOptions(@Nullable ZoneId defaultTimeZone, boolean jsonAsString) {
        this(defaultTimeZone, jsonAsString, false);
    }

    /** A copy with another zone for columns without one ({@code null}: the client's session or server zone). */
    public CodecOptions withDefaultTimeZone(@Nullable ZoneId zone) {
        return new CodecOptions(zone, jsonAsString, truncateFractionalSeconds, timeZoneRule);
    }

    /** A copy with JSON as text on or off. */
    public CodecOptions withJsonAsString(boolean asString) {
        return new CodecOptions(defaultTimeZone, asString, truncateFractionalSeconds, timeZoneRule);
    }

    /**
     * A copy that truncates (on) or rejects (off) written date-times with more fraction digits than the column
     * keeps: {@code Instant.now()} into a {@code DateTime} column, or nanoseconds into {@code DateTime64(3)}.
     */
    public CodecOptions withTruncateFractionalSeconds(boolean truncate) {
        return new CodecOptions(defaultTimeZone, jsonAsString, truncate, timeZoneRule);
    }

    /** A copy with another rule for {@code LocalDateTime} values ({@code null}: the client's). */
    public CodecOptions withTimeZoneRule(@Nullable TimeZoneRule rule) {
        return new CodecOptions(defaultTimeZone, jsonAsString, truncateFractionalSeconds, rule);
    }

    /** The zone of columns without one: {@link #defaultTimeZone()}, else UTC. */
    ZoneId columnDefaultZone() {
        return defaultTimeZone != null ? defaultTimeZone : ZoneOffset.UTC;
    }

    /** The zone that gives a {@code LocalDateTime} of a column with {@code columnZone} (or none) its instant. */
    ZoneId localDateTimeZone(@Nullable ZoneId columnZone) {
        TimeZoneRule rule = timeZoneRule != null ? timeZoneRule : TimeZoneRule.UTC;
        return switch (rule) {
            case UTC -> ZoneOffset.UTC;
            case SERVER -> columnDefaultZone();
            case COLUMN -> columnZone != null ? columnZone : columnDefaultZone();
        };
    }

    // Written out instead of the record's generated method: the first generated equals/hashCode in a JVM bootstraps
    // java.lang.runtime.ObjectMethods, about 20 ms of a cold start, and a typed read hashes this on its first query
    // (issue 17, cold read). RecordEqualityTests checks that every component takes part.
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof CodecOptions o && jsonAsString == o.jsonAsString
                && truncateFractionalSeconds == o.truncateFractionalSeconds
                && Objects.equals(defaultTimeZone, o.defaultTimeZone) && timeZoneRule == o.timeZoneRule;
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(defaultTimeZone);
        h = 31 * h + Boolean.hashCode(jsonAsString);
        h = 31 * h + Boolean.hashCode(truncateFractionalSeconds);
        return 31 * h + Objects.hashCode(timeZoneRule);
    }
}
