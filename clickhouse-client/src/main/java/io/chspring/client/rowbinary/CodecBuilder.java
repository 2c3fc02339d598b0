package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Chooses and validates the codec for a (ClickHouse type, Java type) pair; see TYPES.md for the table. */
final class CodecBuilder {

    /** The kinds whose codecs read generic Java types; a parameterized type never fits any other kind. */
    private static final Set<ClickHouseKind> GENERIC_KINDS = EnumSet.of(ClickHouseKind.NULLABLE,
            ClickHouseKind.LOW_CARDINALITY, ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION, ClickHouseKind.ARRAY,
            ClickHouseKind.TUPLE, ClickHouseKind.NESTED, ClickHouseKind.MAP, ClickHouseKind.JSON, ClickHouseKind.POINT,
            ClickHouseKind.RING, ClickHouseKind.LINE_STRING, ClickHouseKind.POLYGON, ClickHouseKind.MULTI_LINE_STRING,
            ClickHouseKind.MULTI_POLYGON);

    private final CodecOptions options;
    private final ReadFormats formats;

    CodecBuilder(CodecOptions options) {
        this(options, ReadFormats.NONE);
    }

    /** A builder whose default Java types (where the target is {@code Object}) follow {@code formats}' type formats. */
    CodecBuilder(CodecOptions options, ReadFormats formats) {
        this.options = options;
        this.formats = formats;
    }

    /**
     * The codec for values of {@code type} as {@code requested}: a class, or a generic type whose type arguments
     * choose the element codecs ({@code List<Integer>}, {@code Map<String, List<Long>>}, {@code List<Short>[]}).
     *
     * @throws io.chspring.client.ClickHouseSchemaException naming both types, and the innermost pair at fault
     */
    ValueCodec<?> build(ClickHouseType type, Type requested) {
        try {
            return resolve(type, requested);
        } catch (Mismatch m) {
            throw m.type == type && m.javaType == requested ? CodecErrors.cannotMap(type, requested)
                    : CodecErrors.cannotMap(type, requested, m.type, m.javaType);
        }
    }

    private ValueCodec<?> resolve(ClickHouseType type, Type requested) {
        Type declared = GenericTypes.normalize(requested);
        Class<?> raw = GenericTypes.raw(declared);
        Class<?> target = raw == Object.class ? defaultClass(type) : raw;
        // an element type given by type arguments rides along; a raw class (or Object) means default elements
        ValueCodec<?> codec = buildOrNull(type, declared instanceof Class<?> ? target : declared, target);
        if (codec == null) {
            throw new Mismatch(type, requested);
        }
        return codec;
    }

    private ValueCodec<?> buildOrNull(ClickHouseType type, Type declared, Class<?> target) {
        Class<?> boxed = JavaTypes.boxed(target);
        if (declared instanceof ParameterizedType && !GENERIC_KINDS.contains(type.kind())) {
            return null;
        }
        return switch (type.kind()) {
            case NULLABLE -> target.isPrimitive() ? null : new NullableCodec<>(type, resolve(type.child(), declared));
            case LOW_CARDINALITY, SIMPLE_AGGREGATE_FUNCTION -> new AliasCodec<>(type, resolve(type.child(), declared));
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
            case ENUM8, ENUM16 -> enumCodec(type, boxed, target);
            case UUID -> boxed == UUID.class ? new UuidCodec(type)
                    : boxed == String.class ? TextForms.uuid(new UuidCodec(type)) : null;
            case IPV4 -> boxed == Inet4Address.class || boxed == InetAddress.class ? new InetCodecs.V4(type)
                    : boxed == String.class ? TextForms.ipv4(new InetCodecs.V4(type))
                    : boxed == Long.class ? new InetCodecs.V4Number(type, target) : null;
            case IPV6 -> boxed == Inet6Address.class || boxed == InetAddress.class ? new InetCodecs.V6(type)
                    : boxed == String.class ? TextForms.ipv6(new InetCodecs.V6(type)) : null;
            case DATE, DATE32 -> boxed == LocalDate.class ? new DateCodecs.Day(type)
                    : boxed == String.class ? TextForms.date(new DateCodecs.Day(type))
                    : boxed == Integer.class ? TextForms.epochDay(new DateCodecs.Day(type), target) : null;
            case DATETIME, DATETIME64 -> dateTime(type, boxed);
            case TIME, TIME64 -> boxed == Duration.class || boxed == LocalTime.class
                    ? new DateCodecs.TimeOfDay(type, boxed == LocalTime.class) : null;
            case ARRAY -> array(type, declared, target);
            case TUPLE -> tuple(type, declared, target);
            case NESTED -> isList(target) ? new AliasCodec<>(type, resolve(ClickHouseType.parse("Array(Tuple"
                    + type.toString().substring(6) + ")"), declared)) : null;
            case POINT, RING, LINE_STRING, POLYGON, MULTI_LINE_STRING, MULTI_POLYGON ->
                new AliasCodec<>(type, resolve(type.wireType(), declared));
            case MAP -> target == Map.class ? new MapCodec(type, resolve(type.children().get(0),
                    GenericTypes.argument(declared, 0)), resolve(type.children().get(1),
                    GenericTypes.argument(declared, 1))) : null;
            case VARIANT -> target == Object.class || target == TypedValue.class
                    ? new VariantCodec(type, target == TypedValue.class, this) : null;
            case DYNAMIC -> target == TypedValue.class ? new DynamicCodec(type, true, this) : null;
            case JSON -> isJsonMap(declared) ? JsonCodec.create(type, target, options, this) : null;
            case NOTHING -> target == Object.class ? new NothingCodec(type) : null;
        };
    }

    /** The Java class of values of {@code type} read as {@code Object}: by its read format, else its default. */
    private Class<?> defaultClass(ClickHouseType type) {
        if (formats.isEmpty()) {
            return JavaTypes.defaultClass(type);
        }
        boolean wrapper = type.kind() == ClickHouseKind.NULLABLE || type.kind() == ClickHouseKind.LOW_CARDINALITY
                || type.kind() == ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION;
        ReadFormat format = formats.formatOf(type);
        if (format != null) {
            ClickHouseType values = type;
            while (values.kind() == ClickHouseKind.NULLABLE || values.kind() == ClickHouseKind.LOW_CARDINALITY
                    || values.kind() == ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION) {
                values = values.child();
            }
            Class<?> chosen = format.javaType(values.kind());
            if (chosen != null) {
                return chosen == Object.class ? JavaTypes.defaultClass(type) : chosen;
            }
        }
        return wrapper ? defaultClass(type.child()) : JavaTypes.defaultClass(type);
    }

    /** JSON reads nested {@code Map<String, Object>}s: a declared {@code Map<K, V>} must take String keys and any value. */
    private static boolean isJsonMap(Type declared) {
        return !(declared instanceof ParameterizedType) || GenericTypes.accepts(GenericTypes.argument(declared, 0),
                String.class) && GenericTypes.acceptsAnything(GenericTypes.argument(declared, 1));
    }

    private static boolean isList(Class<?> target) {
        return target == List.class || target == Collection.class || target == Iterable.class;
    }

    private static ValueCodec<?> integer(ClickHouseType type, Class<?> target, int width, boolean signed) {
        Class<?> boxed = JavaTypes.boxed(target);
        if (boxed == Boolean.class) {
            // (U)Int8 is the conventional boolean column of servers without Bool (before 21.12)
            return width == 1 ? new ByteBooleanCodec(type, target, signed) : null;
        }
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
    private static ValueCodec<?> enumCodec(ClickHouseType type, Class<?> target, Class<?> declaredClass) {
        if (target == String.class) {
            return new EnumCodec(type, null);
        }
        if (target == Integer.class || target == int.class) {
            return new EnumCodec.Number(type, declaredClass);
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
        return new DateTimeCodec(type, target, t, options);
    }

    private ValueCodec<?> array(ClickHouseType type, Type declared, Class<?> target) {
        // no Set: reading would silently drop duplicate elements
        if (isList(target)) {
            return new ArrayCodec(type, target, resolve(type.child(), GenericTypes.argument(declared, 0)), null);
        }
        if (!target.isArray()) {
            return null;
        }
        Class<?> component = target.getComponentType();
        ValueCodec<?> element = resolve(type.child(), GenericTypes.component(declared, target));
        if (component.isPrimitive()) {
            return new PrimitiveArrayCodec(type, target, element);
        }
        // One reflective call per codec, none per value: later arrays are copies of this empty prototype.
        Object[] prototype = (Object[]) java.lang.reflect.Array.newInstance(component, 0);
        return new ArrayCodec(type, target, element, prototype);
    }

    private ValueCodec<?> tuple(ClickHouseType type, Type declared, Class<?> target) {
        List<ClickHouseType> children = type.children();
        ValueCodec<?>[] elements = new ValueCodec<?>[children.size()];
        TupleCodec.Target t;
        Type element = Object.class;
        if (target == double[].class) {
            t = TupleCodec.Target.DOUBLES;
            element = double.class;
        } else if (target == Object[].class) {
            t = TupleCodec.Target.ARRAY;
        } else if (isList(target)) {
            t = TupleCodec.Target.LIST;
            // List<E>: every element is read as E (List<Object>, the default, keeps each element's own type)
            element = GenericTypes.argument(declared, 0);
        } else {
            return null;
        }
        for (int i = 0; i < elements.length; i++) {
            elements[i] = resolve(children.get(i), element);
        }
        return new TupleCodec(type, target, elements, t);
    }

    /**
     * Unwinds the build to the top-level call with the innermost (ClickHouse type, Java type) pair that has no
     * codec; {@link #build} turns it into the user-facing error. Never escapes this class.
     */
    private static final class Mismatch extends RuntimeException {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final transient ClickHouseType type;
        private final transient Type javaType;

        Mismatch(ClickHouseType type, Type javaType) {
            super(null, null, false, false);
            this.type = type;
            this.javaType = javaType;
        }
    }
}
