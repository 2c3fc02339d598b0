package io.chspring.client.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The per-row buffer layout of a decoder: every value goes to a slot of one of three arrays ({@code long[]} for
 * boolean and integer primitives, {@code double[]} for float and double, {@code Object[]} for references), so
 * primitive values reach constructors and setters without boxing. The adapters from the arrays to the constructor
 * and setters are method handles built once.
 */
final class Slots {

    static final int LONG = 0;
    static final int DOUBLE = 1;
    static final int REF = 2;

    private static final MethodType BUFFER = MethodType.methodType(void.class, long[].class, double[].class,
            Object[].class);

    private final int[] counts = new int[3];

    static int kind(Class<?> c) {
        if (c == double.class || c == float.class) {
            return DOUBLE;
        }
        return c.isPrimitive() ? LONG : REF;
    }

    /** Allocates the next slot for a value of class {@code c}; returns its index within its kind's array. */
    int allocate(Class<?> c) {
        return counts[kind(c)]++;
    }

    int count(int kind) {
        return counts[kind];
    }

    /** {@code (long[], double[], Object[]) -> Object}: calls {@code constructor} with the values of {@code slots}. */
    static MethodHandle constructorAdapter(MethodHandle constructor, int[] slots) {
        MethodType type = constructor.type();
        MethodHandle[] filters = new MethodHandle[type.parameterCount()];
        int[] reorder = new int[type.parameterCount()];
        for (int i = 0; i < filters.length; i++) {
            Class<?> p = type.parameterType(i);
            filters[i] = slotGetter(p, slots[i]);
            reorder[i] = kind(p);
        }
        MethodHandle filtered = MethodHandles.filterArguments(constructor, 0, filters);
        MethodHandle permuted = MethodHandles.permuteArguments(filtered, BUFFER.changeReturnType(type.returnType()),
                reorder);
        return permuted.asType(BUFFER.changeReturnType(Object.class));
    }

    /** {@code (Object, long[], double[], Object[]) -> void}: calls the {@code (Object, P) -> void} setter with a slot. */
    static MethodHandle setterAdapter(MethodHandle setter, int slot) {
        Class<?> p = setter.type().parameterType(1);
        MethodHandle filtered = MethodHandles.filterArguments(setter, 1, slotGetter(p, slot));
        return MethodHandles.permuteArguments(filtered, BUFFER.insertParameterTypes(0, Object.class),
                0, 1 + kind(p));
    }

    /** {@code (A[]) -> c} reading element {@code index} of the array for {@code c}'s kind. */
    private static MethodHandle slotGetter(Class<?> c, int index) {
        Class<?> array = switch (kind(c)) {
            case LONG -> long[].class;
            case DOUBLE -> double[].class;
            default -> Object[].class;
        };
        MethodHandle get = MethodHandles.insertArguments(MethodHandles.arrayElementGetter(array), 1, index);
        // long -> int/short/byte/char narrows (the codec already range-checked), long -> boolean tests bit 0,
        // Object -> C is a checkcast
        return MethodHandles.explicitCastArguments(get, MethodType.methodType(c, array));
    }

    Slots() {
    }
}
