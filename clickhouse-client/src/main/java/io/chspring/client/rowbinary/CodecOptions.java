package io.chspring.client.rowbinary;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Context for building codecs.
 *
 * @param defaultTimeZone the zone of DateTime/DateTime64 columns without an explicit zone (the server's or
 *     session's time zone) when values are read as LocalDateTime, OffsetDateTime or ZonedDateTime
 * @param jsonAsString whether JSON values travel as JSON text (the server settings
 *     {@code output_format_binary_write_json_as_string=1} / {@code input_format_binary_read_json_as_string=1})
 *     instead of the native binary form
 * @param truncateFractionalSeconds whether a written DateTime/DateTime64 value with more fraction digits than the
 *     column keeps is truncated (towards the past) to the column's precision instead of rejected; off by default,
 *     because a silent loss of digits is a bug more often than an intent
 */
public record CodecOptions(ZoneId defaultTimeZone, boolean jsonAsString, boolean truncateFractionalSeconds) {

    /** UTC, JSON in its binary form, fractions a column cannot keep rejected. */
    public static final CodecOptions DEFAULT = new CodecOptions(ZoneOffset.UTC, false, false);

    /** Validates the arguments. */
    public CodecOptions {
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    }

    /** Options that reject fractions a column cannot keep. */
    public CodecOptions(ZoneId defaultTimeZone, boolean jsonAsString) {
        this(defaultTimeZone, jsonAsString, false);
    }

    /** A copy with another default time zone. */
    public CodecOptions withDefaultTimeZone(ZoneId zone) {
        return new CodecOptions(zone, jsonAsString, truncateFractionalSeconds);
    }

    /** A copy with JSON as text on or off. */
    public CodecOptions withJsonAsString(boolean asString) {
        return new CodecOptions(defaultTimeZone, asString, truncateFractionalSeconds);
    }

    /**
     * A copy that truncates (on) or rejects (off) written date-times with more fraction digits than the column
     * keeps: {@code Instant.now()} into a {@code DateTime} column, or nanoseconds into {@code DateTime64(3)}.
     */
    public CodecOptions withTruncateFractionalSeconds(boolean truncate) {
        return new CodecOptions(defaultTimeZone, jsonAsString, truncate);
    }
}
