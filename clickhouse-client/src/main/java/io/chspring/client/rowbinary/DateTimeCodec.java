package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * DateTime (UInt32 seconds since the epoch) and DateTime64(p) (Int64 ticks of 10^-p s) as Instant, as
 * OffsetDateTime / ZonedDateTime in the column's zone (else the session's or server's zone, the
 * {@link CodecOptions#defaultTimeZone()}), or as LocalDateTime in the zone the {@link TimeZoneRule} names. The wire
 * value is always an instant; the zone only changes the rendering, and which instant a LocalDateTime writes. Writes
 * never round: a value with more fraction digits than the precision keeps is rejected, or truncated towards the past
 * when {@link CodecOptions#truncateFractionalSeconds()} says so.
 */
final class DateTimeCodec extends BaseCodec<Object> {

    static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L};

    enum Target { INSTANT, LOCAL, OFFSET, ZONED }

    private final boolean wide;
    private final long ticksPerSecond;
    private final long nanosPerTick;
    /** The zone OffsetDateTime and ZonedDateTime values carry. */
    private final ZoneId zone;
    /** Whose wall clock a LocalDateTime is. */
    private final ZoneId localZone;
    private final Target target;
    private final boolean truncate;

    DateTimeCodec(ClickHouseType type, Class<?> javaType, Target target, CodecOptions options) {
        super(type, javaType);
        this.wide = type.kind() == ClickHouseKind.DATETIME64;
        int precision = wide ? type.precision() : 0;
        this.ticksPerSecond = POWERS[precision];
        this.nanosPerTick = POWERS[9 - precision];
        ZoneId columnZone = type.timeZone() != null ? columnZone(type) : null;
        this.zone = columnZone != null ? columnZone : options.columnDefaultZone();
        this.localZone = options.localDateTimeZone(columnZone);
        this.target = target;
        this.truncate = options.truncateFractionalSeconds();
    }

    private static ZoneId columnZone(ClickHouseType type) {
        try {
            return ZoneId.of(type.timeZone());
        } catch (DateTimeException e) {
            throw new ClickHouseSchemaException(type + ": the time zone '" + type.timeZone()
                    + "' is unknown to this JVM (" + e.getMessage() + "); read the column as Instant, or update the JVM's time zone data", e);
        }
    }

    @Override
    public long readLong(RowBinaryInput in) {
        return wide ? in.readLong() : in.readInt() & 0xFFFFFFFFL;
    }

    @Override
    public Object read(RowBinaryInput in) {
        long ticks = readLong(in);
        Instant instant = wide
                ? Instant.ofEpochSecond(Math.floorDiv(ticks, ticksPerSecond), Math.floorMod(ticks, ticksPerSecond)
                        * nanosPerTick)
                : Instant.ofEpochSecond(ticks);
        return switch (target) {
            case INSTANT -> instant;
            case LOCAL -> LocalDateTime.ofInstant(instant, localZone);
            case OFFSET -> OffsetDateTime.ofInstant(instant, zone);
            case ZONED -> ZonedDateTime.ofInstant(instant, zone);
        };
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof LocalDateTime l) {
            instant = l.atZone(localZone).toInstant();
        } else {
            throw CodecErrors.notWritable(type, value);
        }
        long nanos = instant.getNano();
        if (nanos % nanosPerTick != 0) {
            if (!truncate) {
                throw CodecErrors.outOfRange(type, value, tooPrecise());
            }
            // floor, like a clock: 12:00:00.999 is still 12:00:00 (epoch seconds already count towards the past)
            nanos -= nanos % nanosPerTick;
        }
        if (!wide) {
            long seconds = instant.getEpochSecond();
            if (seconds < 0 || seconds > 0xFFFFFFFFL) {
                throw CodecErrors.outOfRange(type, value, "the range is 1970-01-01 00:00:00 .. 2106-02-07 06:28:15 UTC");
            }
            out.writeInt((int) seconds);
            return;
        }
        try {
            out.writeLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), ticksPerSecond),
                    nanos / nanosPerTick));
        } catch (ArithmeticException e) {
            throw CodecErrors.outOfRange(type, value, "beyond the Int64 range of ticks");
        }
    }

    /** Why a value was refused, and the three ways out, so nobody has to look it up. */
    private String tooPrecise() {
        String unit = nanosPerTick == 1_000_000_000L ? "ChronoUnit.SECONDS" : nanosPerTick == 1_000_000L
                ? "ChronoUnit.MILLIS" : nanosPerTick == 1_000L ? "ChronoUnit.MICROS" : null;
        String truncate = unit != null ? "value.truncatedTo(" + unit + ")" : "dropping the extra digits";
        return "more fraction digits than the precision keeps (" + (wide ? type.precision() : 0) + "); truncate it"
                + " first (" + truncate + "), use a DateTime64 column with enough precision (DateTime64(3) for"
                + " milliseconds, DateTime64(6) for Instant.now() on most JVMs), or opt in to truncation with"
                + " CodecOptions.withTruncateFractionalSeconds(true) (Spring Boot:"
                + " clickhouse.mapping.truncate-fractional-seconds=true)";
    }
}
