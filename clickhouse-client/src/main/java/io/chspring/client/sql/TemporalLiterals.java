package io.chspring.client.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Date and time literals that mean the same instant whatever the server's time zone.
 *
 * <p>Forms, checked against ClickHouse 18.16 and 26.5:
 * <ul>
 * <li>whole seconds from 1970-01-01 00:00:00 to 2105-12-31 23:59:59 UTC: {@code toDateTime('…', 'UTC')}, which
 *     works on every version (18.16's date tables end in 2105; beyond that it silently yields 0);</li>
 * <li>a fraction of a second, or a time outside that range up to 1900..2299: {@code toDateTime64('…', S, 'UTC')}
 *     with S = 0, 3, 6 or 9, the fewest digits that hold the value exactly. 18.16 has no DateTime64 and rejects
 *     it with "Unknown function toDateTime64": an error, never a silently truncated value;</li>
 * <li>dates 1970-01-01 to 2105-12-31: {@code toDate('…')}; other dates in 1900..2299: {@code toDate32('…')}
 *     (modern servers only, for the same reason).</li>
 * </ul>
 * Values that no ClickHouse type can hold are rejected.
 */
final class TemporalLiterals {

    /** 2105-12-31 23:59:59 UTC, the last second 18.16 converts correctly. */
    static final long MAX_PORTABLE_EPOCH_SECOND = 4_291_747_199L;
    private static final LocalDate MAX_PORTABLE_DATE = LocalDate.of(2105, 12, 31);
    private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(2299, 12, 31);
    private static final long MIN_EPOCH_SECOND = MIN_DATE.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_EPOCH_SECOND = MAX_DATE.atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    /** DateTime64(9) is an Int64 of nanoseconds: it ends at 2262-04-11 23:47:16.854775807 UTC. */
    private static final long MAX_NANO_EPOCH_SECOND = Long.MAX_VALUE / 1_000_000_000L;

    private TemporalLiterals() {
    }

    static void appendDate(StringBuilder out, LocalDate date) {
        boolean portable = !date.isBefore(LocalDate.EPOCH) && !date.isAfter(MAX_PORTABLE_DATE);
        if (!portable && (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE))) {
            throw new IllegalArgumentException("LocalDate " + date + " is outside the range of ClickHouse Date32 ("
                    + MIN_DATE + " to " + MAX_DATE + ")");
        }
        out.append(portable ? "toDate('" : "toDate32('");
        appendDigits(out, date);
        out.append("')");
    }

    /** A date-time without zone is read as UTC wall-clock time. */
    static void appendDateTime(StringBuilder out, LocalDateTime dateTime) {
        appendInstant(out, dateTime.toEpochSecond(ZoneOffset.UTC), dateTime.getNano(), dateTime);
    }

    static void appendInstant(StringBuilder out, Instant instant) {
        appendInstant(out, instant.getEpochSecond(), instant.getNano(), instant);
    }

    private static void appendInstant(StringBuilder out, long epochSecond, int nano, Object original) {
        if (nano == 0 && epochSecond >= 0 && epochSecond <= MAX_PORTABLE_EPOCH_SECOND) {
            out.append("toDateTime('");
            appendDigits(out, LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
            out.append("', 'UTC')");
            return;
        }
        int scale = scaleOf(nano);
        long max = scale == 9 ? MAX_NANO_EPOCH_SECOND : MAX_EPOCH_SECOND;
        if (epochSecond < MIN_EPOCH_SECOND || epochSecond > max) {
            throw new IllegalArgumentException(original.getClass().getSimpleName() + " " + original
                    + " is outside the range of ClickHouse DateTime64(" + scale + ")");
        }
        out.append("toDateTime64('");
        appendDigits(out, LocalDateTime.ofEpochSecond(epochSecond, nano, ZoneOffset.UTC));
        out.append("', ").append(scale).append(", 'UTC')");
    }

    /** A time of day has no portable ClickHouse type (Time is new and optional): it binds as a string. */
    static void appendTime(StringBuilder out, LocalTime time) {
        out.append('\'');
        appendTimeDigits(out, time.getHour(), time.getMinute(), time.getSecond(), time.getNano());
        out.append('\'');
    }

    private static void appendDigits(StringBuilder out, LocalDate date) {
        pad(out, date.getYear(), 4).append('-');
        pad(out, date.getMonthValue(), 2).append('-');
        pad(out, date.getDayOfMonth(), 2);
    }

    private static void appendDigits(StringBuilder out, LocalDateTime dateTime) {
        appendDigits(out, dateTime.toLocalDate());
        out.append(' ');
        appendTimeDigits(out, dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(), dateTime.getNano());
    }

    private static void appendTimeDigits(StringBuilder out, int hour, int minute, int second, int nano) {
        pad(out, hour, 2).append(':');
        pad(out, minute, 2).append(':');
        pad(out, second, 2);
        int scale = scaleOf(nano);
        if (scale > 0) {
            out.append('.');
            pad(out, nano / POW10[9 - scale], scale);
        }
    }

    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The fewest of 0, 3, 6 or 9 fraction digits that hold {@code nano} exactly. */
    static int scaleOf(int nano) {
        if (nano == 0) {
            return 0;
        }
        if (nano % 1_000_000 == 0) {
            return 3;
        }
        return nano % 1_000 == 0 ? 6 : 9;
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
