package io.chspring.client.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One mapped property of a {@link RowType}: the column it maps to, its Java type, and how to get and set it. The
 * neutral model: {@link RowType#of(Class)} builds it from our annotations, and other metadata sources (Spring Data's
 * mapping context) build it with {@link #builder(String, Type)}.
 *
 * <p>The getter has the type {@code (Object) -> P} and the setter {@code (Object, P) -> void}, where {@code P} is the
 * raw property class (primitive classes stay primitive, so reads and writes of numbers do not box).
 */
public final class RowProperty {

    private final String column;
    private final String name;
    private final Type genericType;
    private final Class<?> javaClass;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final int constructorParameter;
    private final boolean insertable;
    private final Object accessor;

    private RowProperty(Builder b) {
        this.column = b.column;
        this.name = b.name != null ? b.name : b.column;
        this.genericType = b.genericType;
        this.javaClass = rawClass(b.genericType);
        this.getter = b.getter == null ? null : b.getter.asType(MethodType.methodType(javaClass, Object.class));
        this.setter = b.setter == null ? null
                : b.setter.asType(MethodType.methodType(void.class, Object.class, javaClass));
        this.constructorParameter = b.constructorParameter;
        this.insertable = b.insertable && getter != null;
        this.accessor = b.accessor;
    }

    /** A builder for the property mapped to {@code column} whose values have the Java type {@code genericType}. */
    public static Builder builder(String column, Type genericType) {
        return new Builder(column, genericType);
    }

    /** The ClickHouse column name. */
    public String column() {
        return column;
    }

    /** The Java name (field or record component), for messages. */
    public String name() {
        return name;
    }

    /** The Java type with its type arguments ({@code List<Long>}). */
    public Type genericType() {
        return genericType;
    }

    /** The raw Java class ({@code int.class} for an int field). */
    public Class<?> javaClass() {
        return javaClass;
    }

    /** The getter {@code (Object) -> P}, or {@code null} when the property cannot be read from an object. */
    public MethodHandle getter() {
        return getter;
    }

    /** The setter {@code (Object, P) -> void}, or {@code null} when the property is set through the constructor or not at all. */
    public MethodHandle setter() {
        return setter;
    }

    /** The index of the constructor parameter the value goes to, or -1. */
    public int constructorParameter() {
        return constructorParameter;
    }

    /** Whether the property is part of inserts (it has a getter and is not read-only). */
    public boolean insertable() {
        return insertable;
    }

    /** A generated functional getter doing what {@link #getter()} does, faster; {@code null} when there is none. */
    Object accessor() {
        return accessor;
    }

    /** Whether a value read from a column can be put into a new object (by constructor or setter). */
    public boolean readable() {
        return constructorParameter >= 0 || setter != null;
    }

    @Override
    public String toString() {
        return name + " -> " + column + " (" + genericType.getTypeName() + ")";
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(rawClass(a.getGenericComponentType()), 0).getClass();
        }
        // type variables and wildcards: the values are whatever the codec's default type is
        return Object.class;
    }

    /** Builds a {@link RowProperty}. */
    public static final class Builder {

        private final String column;
        private final Type genericType;
        private String name;
        private MethodHandle getter;
        private MethodHandle setter;
        private int constructorParameter = -1;
        private boolean insertable = true;
        private Object accessor;

        private Builder(String column, Type genericType) {
            if (column == null || column.isEmpty()) {
                throw new IllegalArgumentException("A mapped column name is empty");
            }
            this.column = column;
            this.genericType = Objects.requireNonNull(genericType, "genericType");
        }

        /** The Java name, for messages; the column name when not set. */
        public Builder name(String javaName) {
            this.name = javaName;
            return this;
        }

        /** A getter taking the object (any reference type) and returning the value (any compatible type). */
        public Builder getter(MethodHandle handle) {
            this.getter = handle;
            return this;
        }

        /** A setter taking the object and the value. */
        public Builder setter(MethodHandle handle) {
            this.setter = handle;
            return this;
        }

        /** The index of the constructor parameter that takes the value. */
        public Builder constructorParameter(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("constructor parameter index " + index + " is negative");
            }
            this.constructorParameter = index;
            return this;
        }

        /** Whether the property is inserted ({@code true} by default; {@code false} for {@link ReadOnly}). */
        public Builder insertable(boolean value) {
            this.insertable = value;
            return this;
        }

        Builder accessor(Object functional) {
            this.accessor = functional;
            return this;
        }

        /** The property. */
        public RowProperty build() {
            return new RowProperty(this);
        }
    }
}
