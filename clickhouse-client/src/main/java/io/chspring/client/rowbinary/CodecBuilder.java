package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Chooses and validates the codec for a (ClickHouse type, Java class) pair; see TYPES.md for the table. */
final class CodecBuilder {

    private final CodecOptions options;

    CodecBuilder(CodecOptions options) {
        this.options = options;
    }

    ValueCodec<?> build(ClickHouseType type, Class<?> requested) {
        Class<?> target = requested == Object.class ? JavaTypes.defaultClass(type) : requested;
        ValueCodec<?> codec = buildOrNull(type, target);
        if (codec == null) {
            throw CodecErrors.cannotMap(type, requested);
        }
        return codec;
    }

    private ValueCodec<?> buildOrNull(ClickHouseType type, Class<?> target) {
        Class<?> boxed = JavaTypes.boxed(target);
        return switch (type.kind()) {
            case NULLABLE -> target.isPrimitive() ? null : new NullableCodec<>(type, build(type.child(), target));
            case LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> new AliasCodec<>(type, build(type.child(), target));
            case INT8 -> integer(type, target, 1, true);
            case INT16 -> integer(type, target, 2, true);
            case INT32 -> integer(type, target, 4, true);
            case INT64, INTERVAL -> integer(type, target, 8, true);
            case UINT8 -> integer(type, target, 1, false);
            case UINT16 -> integer(type, target, 2, false);
            case UINT32 -> integer(type, target, 4, false);
            case UINT64 -> integer(type, target, 8, false);
            case INT128, INT256, UINT128, UINT256 -> boxed == BigInteger.class ? new BigIntegerCodec(type,
                    type.kind() == ClickHouseKind.INT128 || type.kind() == ClickHouseKind.UINT128 ? 16 : 32,
                    type.kind() == ClickHouseKind.INT128 || type.kind() == ClickHouseKind.INT256) : null;
            case FLOAT32, BFLOAT16 -> boxed == Float.class || boxed == Double.class
                    ? new FloatCodecs.Float32(type, target, type.kind() == ClickHouseKind.BFLOAT16, boxed == Double.class)
                    : null;
            case FLOAT64 -> boxed == Double.class ? new FloatCodecs.Float64(type, target) : null;
            case BOOL -> boxed == Boolean.class ? new FloatCodecs.Bool(type, target) : null;
            case DECIMAL -> boxed == BigDecimal.class ? new DecimalCodec(type) : null;
            case STRING -> boxed == String.class ? new StringCodecs.Text(type)
                    : boxed == byte[].class ? new StringCodecs.Binary(type) : null;
            case FIXED_STRING -> boxed == String.class || boxed == byte[].class
                    ? new StringCodecs.Fixed(type, boxed == String.class) : null;
            case ENUM8, ENUM16 -> enumCodec(type, boxed);
            case UUID -> boxed == UUID.class ? new UuidCodec(type) : null;
            case IPV4 -> boxed == Inet4Address.class || boxed == InetAddress.class ? new InetCodecs.V4(type) : null;
            case IPV6 -> boxed == Inet6Address.class || boxed == InetAddress.class ? new InetCodecs.V6(type) : null;
            case DATE, DATE32 -> boxed == LocalDate.class ? new DateCodecs.Day(type) : null;
            case DATETIME, DATETIME64 -> dateTime(type, boxed);
            case TIME, TIME64 -> boxed == Duration.class || boxed == LocalTime.class
                    ? new DateCodecs.TimeOfDay(type, boxed == LocalTime.class) : null;
            case ARRAY -> array(type, target);
            case TUPLE -> tuple(type, target);
            case NESTED -> target == List.class || target == Collection.class || target == Iterable.class
                    ? new AliasCodec<>(type, build(ClickHouseType.parse("Array(Tuple" + type.toString().substring(6) + ")"),
                    target)) : null;
            case POINT, RING, LINE_STRING, POLYGON, MULTI_LINE_STRING, MULTI_POLYGON ->
                new AliasCodec<>(type, build(type.wireType(), target));
            case MAP -> target == Map.class ? new MapCodec(type, build(type.children().get(0), Object.class),
                    build(type.children().get(1), Object.class)) : null;
            case VARIANT -> target == Object.class || target == TypedValue.class
                    ? new VariantCodec(type, target == TypedValue.class, this) : null;
            case DYNAMIC -> target == TypedValue.class ? new DynamicCodec(type, true, this) : null;
            case JSON -> JsonCodec.create(type, target, options, this);
            case NOTHING -> target == Object.class ? new NothingCodec(type) : null;
        };
    }

    private static ValueCodec<?> integer(ClickHouseType type, Class<?> target, int width, boolean signed) {
        Class<?> boxed = JavaTypes.boxed(target);
        // bits of the Java type needed to hold every value; UInt64 into long keeps the bits (documented)
        int needed = signed ? width * 8 : Math.min(64, width * 8 + 1);
        IntegerCodec.Target t;
        int has;
        if (boxed == Byte.class) {
            t = IntegerCodec.Target.BYTE;
            has = 8;
        } else if (boxed == Short.class) {
            t = IntegerCodec.Target.SHORT;
            has = 16;
        } else if (boxed == Integer.class) {
            t = IntegerCodec.Target.INT;
            has = 32;
        } else if (boxed == Long.class) {
            t = IntegerCodec.Target.LONG;
            has = 64;
        } else if (boxed == BigInteger.class && type.kind() != ClickHouseKind.INTERVAL) {
            t = IntegerCodec.Target.BIG_INTEGER;
            has = Integer.MAX_VALUE;
        } else {
            return null;
        }
        if (type.kind() == ClickHouseKind.INTERVAL && t != IntegerCodec.Target.LONG) {
            return null;
        }
        return has >= needed ? new IntegerCodec(type, target, width, signed, t) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueCodec<?> enumCodec(ClickHouseType type, Class<?> target) {
        if (target == String.class) {
            return new EnumCodec(type, null);
        }
        if (target.isEnum()) {
            return new EnumCodec(type, (Class<? extends Enum<?>>) (Class) target);
        }
        return null;
    }

    private ValueCodec<?> dateTime(ClickHouseType type, Class<?> target) {
        DateTimeCodec.Target t;
        if (target == Instant.class) {
            t = DateTimeCodec.Target.INSTANT;
        } else if (target == LocalDateTime.class) {
            t = DateTimeCodec.Target.LOCAL;
        } else if (target == OffsetDateTime.class) {
            t = DateTimeCodec.Target.OFFSET;
        } else if (target == ZonedDateTime.class) {
            t = DateTimeCodec.Target.ZONED;
        } else {
            return null;
        }
        return new DateTimeCodec(type, target, t, options.defaultTimeZone());
    }

    private ValueCodec<?> array(ClickHouseType type, Class<?> target) {
        if (target == List.class || target == Collection.class || target == Iterable.class) {
            return new ArrayCodec(type, target, build(type.child(), Object.class), null);
        }
        if (!target.isArray()) {
            return null;
        }
        Class<?> component = target.getComponentType();
        ValueCodec<?> element = build(type.child(), component);
        if (component.isPrimitive()) {
            return new PrimitiveArrayCodec(type, target, element);
        }
        // One reflective call per codec, none per value: later arrays are copies of this empty prototype.
        Object[] prototype = (Object[]) java.lang.reflect.Array.newInstance(component, 0);
        return new ArrayCodec(type, target, element, prototype);
    }

    private ValueCodec<?> tuple(ClickHouseType type, Class<?> target) {
        List<ClickHouseType> children = type.children();
        ValueCodec<?>[] elements = new ValueCodec<?>[children.size()];
        TupleCodec.Target t;
        if (target == double[].class) {
            t = TupleCodec.Target.DOUBLES;
        } else if (target == Object[].class) {
            t = TupleCodec.Target.ARRAY;
        } else if (target == List.class || target == Collection.class || target == Iterable.class) {
            t = TupleCodec.Target.LIST;
        } else {
            return null;
        }
        for (int i = 0; i < elements.length; i++) {
            elements[i] = build(children.get(i), t == TupleCodec.Target.DOUBLES ? double.class : Object.class);
        }
        return new TupleCodec(type, target, elements, t);
    }
}
