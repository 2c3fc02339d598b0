package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** Date (UInt16 days since 1970-01-01), Date32 (Int32 days), Time (Int32 seconds) and Time64(p) (Int64 ticks). */
final class DateCodecs {

    /** Date32 covers 1900-01-01 .. 2299-12-31 (https://clickhouse.com/docs/sql-reference/data-types/date32). */
    private static final long DATE32_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DATE32_MAX = LocalDate.of(2299, 12, 31).toEpochDay();
    /** Time covers -999:59:59 .. 999:59:59 (https://clickhouse.com/docs/sql-reference/data-types/time). */
    private static final long TIME_LIMIT_SECONDS = 999L * 3600 + 59 * 60 + 59;

    private DateCodecs() {
    }

    /** Date and Date32 as LocalDate. */
    static final class Day extends BaseCodec<LocalDate> {
        private final boolean date32;

        Day(ClickHouseType type) {
            super(type, LocalDate.class);
            this.date32 = type.kind() == ClickHouseKind.DATE32;
        }

        @Override
        public LocalDate read(RowBinaryInput in) {
            return LocalDate.ofEpochDay(date32 ? in.readInt() : in.readShort() & 0xFFFF);
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (!(value instanceof LocalDate d)) {
                throw CodecErrors.notWritable(type, value);
            }
            long day = d.toEpochDay();
            if (date32) {
                if (day < DATE32_MIN || day > DATE32_MAX) {
                    throw CodecErrors.outOfRange(type, d, "the range is 1900-01-01 .. 2299-12-31");
                }
                out.writeInt((int) day);
            } else {
                if (day < 0 || day > 0xFFFF) {
                    throw CodecErrors.outOfRange(type, d, "the range is 1970-01-01 .. 2149-06-06");
                }
                out.writeShort((int) day);
            }
        }
    }

    /** Time / Time64(p) as Duration (negative allowed) or LocalTime (00:00 .. 23:59:59.999999999 only). */
    static final class TimeOfDay extends BaseCodec<Object> {
        private final int precision;
        private final long ticksPerSecond;
        private final long nanosPerTick;
        private final boolean asLocalTime;

        TimeOfDay(ClickHouseType type, boolean asLocalTime) {
            super(type, asLocalTime ? LocalTime.class : Duration.class);
            this.precision = type.kind() == ClickHouseKind.TIME ? -1 : type.precision();
            this.ticksPerSecond = DateTimeCodec.POWERS[Math.max(0, precision)];
            this.nanosPerTick = DateTimeCodec.POWERS[9 - Math.max(0, precision)];
            this.asLocalTime = asLocalTime;
        }

        @Override
        public Object read(RowBinaryInput in) {
            long ticks = precision < 0 ? in.readInt() : in.readLong();
            Duration d = Duration.ofSeconds(Math.floorDiv(ticks, ticksPerSecond),
                    Math.floorMod(ticks, ticksPerSecond) * nanosPerTick);
            if (!asLocalTime) {
                return d;
            }
            if (d.isNegative() || d.toDays() > 0) {
                throw CodecErrors.badData(type, d + " is not a time of day");
            }
            return LocalTime.ofNanoOfDay(d.toNanos());
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            Duration d;
            if (value instanceof Duration x) {
                d = x;
            } else if (value instanceof LocalTime t) {
                d = Duration.ofNanos(t.toNanoOfDay());
            } else {
                throw CodecErrors.notWritable(type, value);
            }
            if (d.getNano() % nanosPerTick != 0) {
                throw CodecErrors.outOfRange(type, d, "more fraction digits than the precision keeps");
            }
            if (Math.abs(d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0)) > TIME_LIMIT_SECONDS) {
                throw CodecErrors.outOfRange(type, d, "the range is -999:59:59 .. 999:59:59");
            }
            long ticks = d.getSeconds() * ticksPerSecond + d.getNano() / nanosPerTick;
            if (precision < 0) {
                out.writeInt((int) ticks);
            } else {
                out.writeLong(ticks);
            }
        }
    }
}
