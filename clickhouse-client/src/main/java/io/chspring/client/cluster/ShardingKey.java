package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.compression.CityHash64;
import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sharding expression of a {@code Distributed} table, evaluated on the client so that a row goes to the
 * shard the table itself would pick. Supported: an integer column ({@code id}), {@code cityHash64} of one integer
 * or String column ({@code cityHash64(user_id)}), and {@code rand()}. Anything else is refused by
 * {@link #parse(String)} with the expression named: guessing wrong would put rows on the wrong shard silently.
 */
public final class ShardingKey {

    private static final Pattern IDENTIFIER = Pattern.compile("`([^`\\\\]+)`|([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CALL = Pattern.compile("(?i)(cityHash64|rand)\\s*\\(\\s*(.*?)\\s*\\)");

    private enum Kind { COLUMN, CITY_HASH_64, RAND }

    private final Kind kind;
    private final @Nullable String column;
    private final String expression;

    private ShardingKey(Kind kind, @Nullable String column, String expression) {
        this.kind = kind;
        this.column = column;
        this.expression = expression;
    }

    /** The key of a {@code Distributed} table whose sharding expression is {@code expression}. */
    public static ShardingKey parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ClickHouseConfigurationException("The sharding expression is empty");
        }
        String e = expression.strip();
        String bare = identifier(e);
        if (bare != null) {
            return new ShardingKey(Kind.COLUMN, bare, e);
        }
        Matcher call = CALL.matcher(e);
        if (call.matches()) {
            String function = call.group(1).toLowerCase(Locale.ROOT);
            String argument = call.group(2);
            if (function.equals("rand") && argument.isEmpty()) {
                return new ShardingKey(Kind.RAND, null, e);
            }
            String column = identifier(argument);
            if (function.equals("cityhash64") && column != null) {
                return new ShardingKey(Kind.CITY_HASH_64, column, e);
            }
        }
        throw new ClickHouseConfigurationException("Sharding expression '" + e + "' is not supported on the client "
                + "(supported: an integer column, cityHash64(column) of one integer or String column, rand()); write "
                + "through the Distributed table instead");
    }

    private static @Nullable String identifier(String text) {
        Matcher m = IDENTIFIER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The column the key reads; empty for {@code rand()}. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** Whether every row goes to a random shard ({@code rand()}): any shard choice is then the table's choice. */
    public boolean isRandom() {
        return kind == Kind.RAND;
    }

    /**
     * Checks that a column of type {@code type} can feed this key, before any row is routed.
     *
     * @throws ClickHouseConfigurationException naming the column and its type when it cannot
     */
    public void checkColumnType(ClickHouseType type) {
        ClickHouseKind k = type.kind();
        boolean ok = switch (kind) {
            case RAND -> true;
            case COLUMN -> width(k) > 0;
            case CITY_HASH_64 -> width(k) > 0 || k == ClickHouseKind.STRING || k == ClickHouseKind.FIXED_STRING;
        };
        if (!ok) {
            throw new ClickHouseConfigurationException("Sharding key " + expression + ": column '" + column
                    + "' has type " + type + "; the client routes only integer columns"
                    + (kind == Kind.CITY_HASH_64 ? " and Strings" : "") + " (Nullable is not a sharding key)");
        }
    }

    /**
     * The value of the sharding expression for a row whose key column holds {@code value}, as the unsigned 64-bit
     * number the Distributed engine divides by the total shard weight.
     *
     * @param value the key column's value: a {@link Number} (including {@link BigInteger} for UInt64), a
     *     {@link String} or {@code byte[]}
     * @param type the key column's type, checked with {@link #checkColumnType(ClickHouseType)}
     */
    public long evaluate(@Nullable Object value, ClickHouseType type) {
        if (kind == Kind.RAND) {
            return random();
        }
        ClickHouseKind k = type.kind();
        if (kind == Kind.CITY_HASH_64 && (k == ClickHouseKind.STRING || k == ClickHouseKind.FIXED_STRING)) {
            byte[] bytes = value instanceof byte[] b ? b
                    : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
            if (bytes == null) {
                throw badValue(value, type);
            }
            return CityHash64.ofBytes(bytes, bytes.length);
        }
        int width = width(k);
        if (width == 0 || !(value instanceof Number n)) {
            throw badValue(value, type);
        }
        long bits = n instanceof BigInteger big ? big.longValue() : n.longValue();
        if (kind == Kind.CITY_HASH_64) {
            // The hash reads the value's own bytes, zero-extended: Int8 -1 hashes like UInt8 255.
            return CityHash64.ofInteger(width == 64 ? bits : bits & ((1L << width) - 1));
        }
        if (width == 64) {
            return bits;
        }
        // createBlockSelector casts the column's value straight to UInt32 (UInt64 for 64-bit types): a signed value
        // is sign-extended to 32 bits, an unsigned one zero-extended.
        long masked = bits & ((1L << width) - 1);
        boolean signed = isSigned(k);
        long extended = signed ? (masked << (64 - width)) >> (64 - width) : masked;
        return extended & 0xffffffffL;
    }

    /** A random key, as {@code rand()} gives each row. */
    public long random() {
        return ThreadLocalRandom.current().nextLong();
    }

    private static int width(ClickHouseKind k) {
        return switch (k) {
            case UINT8, INT8 -> 8;
            case UINT16, INT16 -> 16;
            case UINT32, INT32 -> 32;
            case UINT64, INT64 -> 64;
            default -> 0;
        };
    }

    private static boolean isSigned(ClickHouseKind k) {
        return k == ClickHouseKind.INT8 || k == ClickHouseKind.INT16 || k == ClickHouseKind.INT32
                || k == ClickHouseKind.INT64;
    }

    private ClickHouseConfigurationException badValue(@Nullable Object value, ClickHouseType type) {
        return new ClickHouseConfigurationException("Sharding key " + expression + ": a value of "
                + (value == null ? "null" : value.getClass().getName()) + " cannot be the " + type + " column '"
                + column + "'");
    }

    @Override
    public String toString() {
        return expression;
    }
}
