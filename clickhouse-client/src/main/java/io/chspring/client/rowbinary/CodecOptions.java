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
 */
public record CodecOptions(ZoneId defaultTimeZone, boolean jsonAsString) {

    /** UTC, JSON in its binary form. */
    public static final CodecOptions DEFAULT = new CodecOptions(ZoneOffset.UTC, false);

    /** Validates the arguments. */
    public CodecOptions {
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    }

    /** A copy with another default time zone. */
    public CodecOptions withDefaultTimeZone(ZoneId zone) {
        return new CodecOptions(zone, jsonAsString);
    }

    /** A copy with JSON as text on or off. */
    public CodecOptions withJsonAsString(boolean asString) {
        return new CodecOptions(defaultTimeZone, asString);
    }
}
