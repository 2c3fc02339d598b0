package io.chspring.client.rowbinary;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;

/**
 * Reads the parts of a declared {@link Type} the codec builder needs: its raw class, the type arguments of
 * {@code List<E>} / {@code Map<K, V>}, the component of {@code E[]}. Only at build time, never per value.
 */
final class GenericTypes {

    private GenericTypes() {
    }

    /**
     * The type values must be readable as: {@code ? extends X} and {@code ? super X} become X (a value of X fits
     * both), {@code ?} and type variables become {@code Object}, which stands for the default Java type, as a type
     * variable's erasure is only known per use site.
     */
    static Type normalize(Type type) {
        if (type instanceof WildcardType w) {
            Type[] lower = w.getLowerBounds();
            return normalize(lower.length > 0 ? lower[0] : w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?>) {
            return Object.class;
        }
        return type;
    }

    /** The raw class of a normalized type; {@code Object} for anything else. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType a) {
            return java.lang.reflect.Array.newInstance(raw(normalize(a.getGenericComponentType())), 0).getClass();
        }
        return Object.class;
    }

    /** The {@code index}-th type argument of a parameterized type; {@code Object} (the default) for a raw class. */
    static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return index < args.length ? args[index] : Object.class;
        }
        return Object.class;
    }

    /** The component type of an array type ({@code List<Integer>} for {@code List<Integer>[]}). */
    static Type component(Type type, Class<?> raw) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : raw.getComponentType();
    }

    /** Whether a declared type argument accepts any value: {@code Object} or {@code ?}. */
    static boolean acceptsAnything(Type type) {
        return type == Object.class || type instanceof WildcardType w && w.getLowerBounds().length == 0
                && w.getUpperBounds()[0] == Object.class;
    }

    /** Whether a declared type argument accepts every value of {@code c}. */
    static boolean accepts(Type type, Class<?> c) {
        return acceptsAnything(type) || raw(normalize(type)).isAssignableFrom(c);
    }
}
