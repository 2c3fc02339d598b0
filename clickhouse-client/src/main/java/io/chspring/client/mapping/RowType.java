package io.chspring.client.mapping;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.sql.Identifier;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How a Java class maps to ClickHouse columns: its properties in declaration order and the constructor that makes
 * new objects. Immutable and thread-safe. {@link #of(Class)} builds it once per class from the class and our
 * annotations ({@link Column}, {@link Ignore}, {@link ReadOnly}, {@link RowConstructor}); {@link #builder(Class)}
 * assembles one from any other metadata source.
 *
 * @param <T> the mapped class
 */
public final class RowType<T> {

    private static final ClassValue<Map<NamingStrategy, RowType<?>>> CACHE = new ClassValue<>() {
        @Override
        protected Map<NamingStrategy, RowType<?>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Class<T> type;
    private final MethodHandle constructor;
    private final List<RowProperty> properties;
    /** The generated constructor call, {@link #NO_FACTORY} when none can be made; made on first read. */
    private volatile Object factory;

    private static final Object NO_FACTORY = new Object();

    private RowType(Class<T> type, MethodHandle constructor, List<RowProperty> properties) {
        this.type = type;
        this.constructor = constructor;
        this.properties = List.copyOf(properties);
    }

    /** The mapping of {@code type} with {@link NamingStrategy#SNAKE_CASE}, built on first use and cached. */
    public static <T> RowType<T> of(Class<T> type) {
        return of(type, NamingStrategy.SNAKE_CASE);
    }

    /**
     * The mapping of {@code type} with {@code naming}, built on first use and cached per (class, strategy).
     *
     * @throws ClickHouseConfigurationException when the class cannot be mapped (no usable constructor, an
     *     inaccessible class, two properties with one column name), naming the class and the problem
     */
    @SuppressWarnings("unchecked")
    public static <T> RowType<T> of(Class<T> type, NamingStrategy naming) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(naming, "naming");
        return (RowType<T>) CACHE.get(type).computeIfAbsent(naming, n -> RowTypeIntrospector.introspect(type, n));
    }

    /** A builder for a mapping assembled from another metadata source. */
    public static <T> Builder<T> builder(Class<T> type) {
        return new Builder<>(type);
    }

    /** The mapped class. */
    public Class<T> type() {
        return type;
    }

    /** The constructor, returning the new object; parameters without a property get their default value. */
    public MethodHandle constructor() {
        return constructor;
    }

    /**
     * The generated factory calling the constructor from a row buffer, or {@code null} when the constructor handle
     * must be used. Made once per row type: decoders give constructor parameters the first slots, so {@code slots}
     * is the same for every decoder of this type.
     */
    RowFactories.Factory factory(int[] slots) {
        Object f = factory;
        if (f == null) {
            f = RowFactories.of(constructor, slots);
            factory = f = f == null ? NO_FACTORY : f;
        }
        return f == NO_FACTORY ? null : (RowFactories.Factory) f;
    }

    /** The mapped properties, in declaration order. */
    public List<RowProperty> properties() {
        return properties;
    }

    /** The property mapped to {@code column}, or {@code null}. */
    public RowProperty property(String column) {
        for (RowProperty p : properties) {
            if (p.column().equals(column)) {
                return p;
            }
        }
        return null;
    }

    /** The names of the columns rows are read from: every readable property, in order. */
    public List<String> readColumns() {
        return properties.stream().filter(RowProperty::readable).map(RowProperty::column).toList();
    }

    /** The names of the columns inserts write: every insertable property, in order. */
    public List<String> insertColumns() {
        return properties.stream().filter(RowProperty::insertable).map(RowProperty::column).toList();
    }

    /** What {@code ?fields} expands to in a SELECT: the readable columns, back-quoted and comma-separated. */
    public String selectList() {
        List<String> columns = readColumns();
        if (columns.isEmpty()) {
            throw new ClickHouseConfigurationException(type.getName() + " has no readable mapped property for ?fields");
        }
        return columns.stream().map(c -> Identifier.of(c).toSql()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "RowType[" + type.getName() + " " + properties + "]";
    }

    /**
     * Builds a {@link RowType}.
     *
     * @param <T> the mapped class
     */
    public static final class Builder<T> {

        private final Class<T> type;
        private final List<RowProperty> properties = new ArrayList<>();
        private MethodHandle constructor;

        private Builder(Class<T> type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /** The constructor (or any factory) returning a new {@code T}; its parameters are filled from properties. */
        public Builder<T> constructor(MethodHandle handle) {
            this.constructor = handle;
            return this;
        }

        /** Adds a property; the order of calls is the column order. */
        public Builder<T> property(RowProperty property) {
            properties.add(Objects.requireNonNull(property, "property"));
            return this;
        }

        /**
         * The mapping.
         *
         * @throws ClickHouseConfigurationException when two properties map to one column, a constructor parameter
         *     index is out of range or used twice, or the constructor does not return the type
         */
        public RowType<T> build() {
            if (constructor == null) {
                throw new ClickHouseConfigurationException("RowType of " + type.getName() + " has no constructor");
            }
            MethodType mt = constructor.type();
            if (!type.isAssignableFrom(mt.returnType()) && !mt.returnType().isAssignableFrom(type)) {
                throw new ClickHouseConfigurationException("The constructor of " + type.getName() + " returns "
                        + mt.returnType().getName());
            }
            Set<String> columns = new HashSet<>();
            Set<Integer> slots = new HashSet<>();
            for (RowProperty p : properties) {
                if (!columns.add(p.column())) {
                    throw new ClickHouseConfigurationException(type.getName() + " maps two properties to column '"
                            + p.column() + "'");
                }
                int slot = p.constructorParameter();
                if (slot >= mt.parameterCount() || (slot >= 0 && !slots.add(slot))) {
                    throw new ClickHouseConfigurationException("Property '" + p.name() + "' of " + type.getName()
                            + " has constructor parameter " + slot + ", which is out of range or taken");
                }
            }
            return new RowType<>(type, constructor, properties);
        }
    }
}
