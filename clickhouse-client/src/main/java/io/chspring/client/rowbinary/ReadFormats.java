package io.chspring.client.rowbinary;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseKind;
import io.chspring.client.type.ClickHouseType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which {@link ReadFormat} untyped reads use: per ClickHouse type (wherever the type appears, inside Nullable,
 * LowCardinality, Array, Tuple and Map too) and per result column (which wins over the type's). Immutable; the
 * {@code with} methods return copies, checking what they can at once: an unknown format or type name, or a format
 * that does not apply to the type. A column name is checked when the result's columns are known.
 *
 * <p>A type is named by its family ({@code IPv4}, {@code FixedString}, {@code DateTime}, {@code Enum8}; {@code Enum}
 * for Enum8 and Enum16; any case) or by a whole type ({@code FixedString(16)}, {@code DateTime('UTC')}), which wins
 * over its family.
 */
public final class ReadFormats {

    /** No choice: every value in its default Java type. */
    public static final ReadFormats NONE = new ReadFormats(Map.of(), Map.of());

    /** The pseudo-family for both Enum8 and Enum16. */
    private static final String ENUM = "Enum";

    private final Map<String, ReadFormat> byType;
    private final Map<String, ReadFormat> byColumn;
    /** Both maps are immutable; every typed query's reader-cache key hashes this, so it is computed once. */
    private final int hash;

    private ReadFormats(Map<String, ReadFormat> byType, Map<String, ReadFormat> byColumn) {
        this.byType = byType;
        this.byColumn = byColumn;
        this.hash = byType.hashCode() * 31 + byColumn.hashCode();
    }

    /**
     * These formats with {@code format} for the ClickHouse type {@code typeName}.
     *
     * @throws ClickHouseConfigurationException naming the type when it is unknown, or the format when it does not
     *     apply to that type (with the formats that do)
     */
    public ReadFormats withType(String typeName, ReadFormat format) {
        Objects.requireNonNull(format, "format");
        String key = typeKey(typeName);
        List<ClickHouseKind> kinds = key.equals(ENUM) ? List.of(ClickHouseKind.ENUM8, ClickHouseKind.ENUM16)
                : List.of(kindOfKey(key));
        for (ClickHouseKind kind : kinds) {
            if (format.javaType(kind) == null) {
                throw new ClickHouseConfigurationException("Read format " + name(format) + " does not apply to "
                        + "ClickHouse type " + typeName + "; it takes " + ReadFormat.applicableTo(kind));
            }
        }
        Map<String, ReadFormat> types = new LinkedHashMap<>(byType);
        types.put(key, format);
        return new ReadFormats(Collections.unmodifiableMap(types), byColumn);
    }

    /** {@link #withType(String, ReadFormat)} with the format by name ({@link ReadFormat#of(String)}). */
    public ReadFormats withType(String typeName, String format) {
        return withType(typeName, ReadFormat.of(format));
    }

    /**
     * These formats with {@code format} for the result column {@code column} (its name as the result has it). The
     * format applies to the column's values, inside Nullable, LowCardinality and Array; checked against the column's
     * type, and the name against the result's columns, when the result is read.
     */
    public ReadFormats withColumn(String column, ReadFormat format) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(format, "format");
        Map<String, ReadFormat> columns = new LinkedHashMap<>(byColumn);
        columns.put(column, format);
        return new ReadFormats(byType, Collections.unmodifiableMap(columns));
    }

    /** {@link #withColumn(String, ReadFormat)} with the format by name ({@link ReadFormat#of(String)}). */
    public ReadFormats withColumn(String column, String format) {
        return withColumn(column, ReadFormat.of(format));
    }

    /** These formats and {@code other}'s; where both choose for one type or column, {@code other} wins. */
    public ReadFormats and(ReadFormats other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Map<String, ReadFormat> types = new LinkedHashMap<>(byType);
        types.putAll(other.byType);
        Map<String, ReadFormat> columns = new LinkedHashMap<>(byColumn);
        columns.putAll(other.byColumn);
        return new ReadFormats(Collections.unmodifiableMap(types), Collections.unmodifiableMap(columns));
    }

    /** Whether nothing is chosen. */
    public boolean isEmpty() {
        return byType.isEmpty() && byColumn.isEmpty();
    }

    /** The formats by type key (family or whole type as given, normalized), in the order they were set. */
    public Map<String, ReadFormat> byType() {
        return byType;
    }

    /** The formats by column name, in the order they were set. */
    public Map<String, ReadFormat> byColumn() {
        return byColumn;
    }

    /**
     * Checks that every column with a format is one of {@code columns}.
     *
     * @throws ClickHouseConfigurationException naming the column and the result's columns
     */
    public void checkColumns(List<ClickHouseColumn> columns) {
        for (String name : byColumn.keySet()) {
            if (columns.stream().noneMatch(c -> c.name().equals(name))) {
                throw new ClickHouseConfigurationException("A read format is set for column '" + name + "', which the "
                        + "result does not have; its columns are " + columns.stream().map(ClickHouseColumn::name)
                                .toList());
            }
        }
    }

    /**
     * The formats that apply inside {@code column}: the type formats, and the column's own format as a format of the
     * type of its values.
     *
     * @throws ClickHouseConfigurationException when the column's format does not apply to its type
     */
    ReadFormats forColumn(ClickHouseColumn column) {
        ReadFormat format = byColumn.get(column.name());
        if (format == null) {
            return byColumn.isEmpty() ? this : new ReadFormats(byType, Map.of());
        }
        ClickHouseType values = column.type();
        while (values.kind() == ClickHouseKind.NULLABLE || values.kind() == ClickHouseKind.LOW_CARDINALITY
                || values.kind() == ClickHouseKind.SIMPLE_AGGREGATE_FUNCTION || values.kind() == ClickHouseKind.ARRAY) {
            values = values.child();
        }
        if (format.javaType(values.kind()) == null) {
            throw new ClickHouseConfigurationException("Read format " + name(format) + " does not apply to column '"
                    + column.name() + "' " + column.type() + "; for " + values + " it takes "
                    + ReadFormat.applicableTo(values.kind()));
        }
        Map<String, ReadFormat> types = new LinkedHashMap<>(byType);
        types.put(values.toString(), format);
        return new ReadFormats(Collections.unmodifiableMap(types), Map.of());
    }

    /**
     * The format chosen for values of {@code type} itself (not looking inside wrappers): its whole type's, else its
     * family's; {@code null} when none.
     */
    @Nullable ReadFormat formatOf(ClickHouseType type) {
        if (byType.isEmpty()) {
            return null;
        }
        ReadFormat format = byType.get(type.toString());
        if (format == null) {
            format = byType.get(type.kind().typeName());
        }
        if (format == null && (type.kind() == ClickHouseKind.ENUM8 || type.kind() == ClickHouseKind.ENUM16)) {
            format = byType.get(ENUM);
        }
        return format;
    }

    private static String name(ReadFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The family's name as ClickHouse prints it, or the whole type in its canonical form. */
    private static String typeKey(String typeName) {
        String name = Objects.requireNonNull(typeName, "typeName").strip();
        if (name.equalsIgnoreCase(ENUM)) {
            return ENUM;
        }
        for (ClickHouseKind kind : ClickHouseKind.values()) {
            if (kind.typeName().equalsIgnoreCase(name)) {
                return kind.typeName();
            }
        }
        if (name.indexOf('(') > 0) {
            try {
                return ClickHouseType.parse(name).toString();
            } catch (RuntimeException e) {
                throw new ClickHouseConfigurationException("Unknown ClickHouse type '" + typeName + "' for a read "
                        + "format: " + e.getMessage(), e);
            }
        }
        throw new ClickHouseConfigurationException("Unknown ClickHouse type '" + typeName + "' for a read format; "
                + "name a type family such as IPv4, UUID, FixedString, UInt64, Enum, Date or DateTime, or a whole "
                + "type such as FixedString(16)");
    }

    /** The family of a type key, looking through Nullable and LowCardinality of a whole type. */
    private static ClickHouseKind kindOfKey(String key) {
        for (ClickHouseKind kind : ClickHouseKind.values()) {
            if (kind.typeName().equals(key)) {
                return kind;
            }
        }
        ClickHouseType type = ClickHouseType.parse(key);
        while (type.kind() == ClickHouseKind.NULLABLE || type.kind() == ClickHouseKind.LOW_CARDINALITY) {
            type = type.child();
        }
        return type.kind();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ReadFormats f && f.hash == hash && f.byType.equals(byType)
                && f.byColumn.equals(byColumn);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ReadFormats[types=" + byType + ", columns=" + byColumn + "]";
    }
}
