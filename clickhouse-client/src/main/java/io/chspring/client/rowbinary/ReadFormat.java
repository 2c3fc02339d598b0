package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.type.ClickHouseKind;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Java form a value takes where the caller did not choose one by a Java type: in untyped reads (maps,
 * {@code Object[]}, {@code Object} fields and elements). Chosen per query, per result column or per ClickHouse type
 * (see {@link ReadFormats}); each applies to some ClickHouse types only (TYPES.md has the table).
 */
public enum ReadFormat {

    /** The type's default Java type (TYPES.md); undoes a broader choice for one column or type. */
    DEFAULT,
    /**
     * Text: String and FixedString (UTF-8, FixedString without its trailing NUL padding), Enum8/16 (the element name),
     * UUID ({@code 61f0c404-5cb3-11e7-907b-a6006ad3dba0}), IPv4 ({@code 1.2.3.4}), IPv6 (as ClickHouse prints it,
     * {@code 2001:db8::1}, {@code ::ffff:1.2.3.4}), Date and Date32 ({@code 2024-02-29}).
     */
    STRING,
    /** {@code byte[]}: String and FixedString, the bytes as stored. */
    BYTES,
    /**
     * A number: Enum8/16 as the element's {@code Integer} value, IPv4 as a {@code Long} from 0 to 2<sup>32</sup>-1,
     * Date and Date32 as the {@code Integer} days since 1970-01-01.
     */
    NUMBER,
    /** {@code Long}: any integer type of up to 64 bits; UInt64 keeps its bits, so values from 2<sup>63</sup> are negative. */
    LONG,
    /** {@code BigInteger}: any integer type. */
    BIG_INTEGER,
    /** {@code Instant}: DateTime and DateTime64 (their default). */
    INSTANT,
    /** {@code LocalDateTime}: DateTime and DateTime64, in the zone the client's time-zone rules give. */
    LOCAL_DATE_TIME,
    /** {@code OffsetDateTime}: DateTime and DateTime64, in the zone the client's time-zone rules give. */
    OFFSET_DATE_TIME,
    /** {@code ZonedDateTime}: DateTime and DateTime64, in the zone the client's time-zone rules give. */
    ZONED_DATE_TIME;

    private static final Set<ClickHouseKind> INTEGERS = EnumSet.of(ClickHouseKind.INT8, ClickHouseKind.INT16,
            ClickHouseKind.INT32, ClickHouseKind.INT64, ClickHouseKind.UINT8, ClickHouseKind.UINT16,
            ClickHouseKind.UINT32, ClickHouseKind.UINT64);
    private static final Set<ClickHouseKind> WIDE_INTEGERS = EnumSet.of(ClickHouseKind.INT128, ClickHouseKind.INT256,
            ClickHouseKind.UINT128, ClickHouseKind.UINT256);
    private static final Set<ClickHouseKind> TEXT = EnumSet.of(ClickHouseKind.STRING, ClickHouseKind.FIXED_STRING,
            ClickHouseKind.ENUM8, ClickHouseKind.ENUM16, ClickHouseKind.UUID, ClickHouseKind.IPV4, ClickHouseKind.IPV6,
            ClickHouseKind.DATE, ClickHouseKind.DATE32);

    /**
     * The format named {@code name}, ignoring case, with {@code -} or a space for {@code _}: {@code string},
     * {@code big-integer}, {@code LOCAL_DATE_TIME}.
     *
     * @throws ClickHouseConfigurationException naming {@code name} and the known formats when there is none
     */
    public static ReadFormat of(String name) {
        String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ReadFormat format : values()) {
            if (format.name().equals(key)) {
                return format;
            }
        }
        throw new ClickHouseConfigurationException("Unknown read format '" + name + "'; the read formats are "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The Java class values of the {@code kind} family are read as in this format, {@code Object.class} for
     * {@link #DEFAULT}, or {@code null} when this format does not apply to that family. Wrappers (Nullable,
     * LowCardinality, Array) are not families of their own here: pass the kind of the value inside.
     */
    public @Nullable Class<?> javaType(ClickHouseKind kind) {
        return switch (this) {
            case DEFAULT -> Object.class;
            case STRING -> TEXT.contains(kind) ? String.class : null;
            case BYTES -> kind == ClickHouseKind.STRING || kind == ClickHouseKind.FIXED_STRING ? byte[].class : null;
            case NUMBER -> switch (kind) {
                case ENUM8, ENUM16, DATE, DATE32 -> Integer.class;
                case IPV4 -> Long.class;
                default -> null;
            };
            case LONG -> INTEGERS.contains(kind) ? Long.class : null;
            case BIG_INTEGER -> INTEGERS.contains(kind) || WIDE_INTEGERS.contains(kind) ? BigInteger.class : null;
            case INSTANT -> dateTime(kind, Instant.class);
            case LOCAL_DATE_TIME -> dateTime(kind, LocalDateTime.class);
            case OFFSET_DATE_TIME -> dateTime(kind, OffsetDateTime.class);
            case ZONED_DATE_TIME -> dateTime(kind, ZonedDateTime.class);
        };
    }

    private static @Nullable Class<?> dateTime(ClickHouseKind kind, Class<?> type) {
        return kind == ClickHouseKind.DATETIME || kind == ClickHouseKind.DATETIME64 ? type : null;
    }

    /** The formats that apply to the {@code kind} family, for messages. */
    static String applicableTo(ClickHouseKind kind) {
        return Arrays.stream(values()).filter(f -> f.javaType(kind) != null)
                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
