package io.chspring.client.mapping;

import io.chspring.client.rowbinary.RowBinaryOutput;
import io.chspring.client.rowbinary.ValueCodec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Writes one property of an object as one column, calling the getter handle with its exact type and the codec's
 * primitive method for primitive properties (no boxing).
 */
abstract class ColumnWriter {

    final ValueCodec<?> codec;
    final MethodHandle getter;

    ColumnWriter(ValueCodec<?> codec, MethodHandle getter) {
        this.codec = codec;
        this.getter = getter;
    }

    abstract void write(RowBinaryOutput out, Object row) throws Throwable;

    /** The writer for {@code property}: through its generated accessor when it has one, else its getter handle. */
    @SuppressWarnings("unchecked")
    static ColumnWriter of(ValueCodec<?> codec, RowProperty property) {
        Object a = property.accessor();
        MethodHandle getter = property.getter();
        if (a instanceof ToLongFunction<?> f) {
            return new LambdaLong(codec, getter, (ToLongFunction<Object>) f);
        } else if (a instanceof ToIntFunction<?> f) {
            return new LambdaInt(codec, getter, (ToIntFunction<Object>) f);
        } else if (a instanceof ToDoubleFunction<?> f) {
            return new LambdaDouble(codec, getter, (ToDoubleFunction<Object>) f);
        } else if (a instanceof Predicate<?> f) {
            return new LambdaBoolean(codec, getter, (Predicate<Object>) f);
        } else if (a instanceof Function<?, ?> f) {
            return new LambdaRef(codec, getter, (Function<Object, Object>) f);
        }
        return of(codec, getter);
    }

    /** The writer for a property whose getter is {@code (Object) -> c}. */
    static ColumnWriter of(ValueCodec<?> codec, MethodHandle getter) {
        Class<?> c = getter.type().returnType();
        if (c == long.class) {
            return new LongWriter(codec, getter);
        } else if (c == int.class || c == short.class || c == byte.class || c == char.class) {
            return new IntWriter(codec, getter.asType(MethodType.methodType(int.class, Object.class)));
        } else if (c == boolean.class) {
            return new BooleanWriter(codec, getter);
        } else if (c == double.class) {
            return new DoubleWriter(codec, getter);
        } else if (c == float.class) {
            return new FloatWriter(codec, getter);
        }
        return new RefWriter(codec, getter.asType(MethodType.methodType(Object.class, Object.class)));
    }

    private static final class LongWriter extends ColumnWriter {
        LongWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.writeLong(out, (long) getter.invokeExact(row));
        }
    }

    private static final class IntWriter extends ColumnWriter {
        IntWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.writeInt(out, (int) getter.invokeExact(row));
        }
    }

    private static final class BooleanWriter extends ColumnWriter {
        BooleanWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.writeBoolean(out, (boolean) getter.invokeExact(row));
        }
    }

    private static final class DoubleWriter extends ColumnWriter {
        DoubleWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.writeDouble(out, (double) getter.invokeExact(row));
        }
    }

    private static final class FloatWriter extends ColumnWriter {
        FloatWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.writeFloat(out, (float) getter.invokeExact(row));
        }
    }

    private static final class RefWriter extends ColumnWriter {
        RefWriter(ValueCodec<?> codec, MethodHandle getter) {
            super(codec, getter);
        }

        @Override
        void write(RowBinaryOutput out, Object row) throws Throwable {
            codec.write(out, (Object) getter.invokeExact(row));
        }
    }

    private static final class LambdaLong extends ColumnWriter {
        private final ToLongFunction<Object> f;

        LambdaLong(ValueCodec<?> codec, MethodHandle getter, ToLongFunction<Object> f) {
            super(codec, getter);
            this.f = f;
        }

        @Override
        void write(RowBinaryOutput out, Object row) {
            codec.writeLong(out, f.applyAsLong(row));
        }
    }

    private static final class LambdaInt extends ColumnWriter {
        private final ToIntFunction<Object> f;

        LambdaInt(ValueCodec<?> codec, MethodHandle getter, ToIntFunction<Object> f) {
            super(codec, getter);
            this.f = f;
        }

        @Override
        void write(RowBinaryOutput out, Object row) {
            codec.writeInt(out, f.applyAsInt(row));
        }
    }

    private static final class LambdaDouble extends ColumnWriter {
        private final ToDoubleFunction<Object> f;

        LambdaDouble(ValueCodec<?> codec, MethodHandle getter, ToDoubleFunction<Object> f) {
            super(codec, getter);
            this.f = f;
        }

        @Override
        void write(RowBinaryOutput out, Object row) {
            codec.writeDouble(out, f.applyAsDouble(row));
        }
    }

    private static final class LambdaBoolean extends ColumnWriter {
        private final Predicate<Object> f;

        LambdaBoolean(ValueCodec<?> codec, MethodHandle getter, Predicate<Object> f) {
            super(codec, getter);
            this.f = f;
        }

        @Override
        void write(RowBinaryOutput out, Object row) {
            codec.writeBoolean(out, f.test(row));
        }
    }

    private static final class LambdaRef extends ColumnWriter {
        private final Function<Object, Object> f;

        LambdaRef(ValueCodec<?> codec, MethodHandle getter, Function<Object, Object> f) {
            super(codec, getter);
            this.f = f;
        }

        @Override
        void write(RowBinaryOutput out, Object row) {
            codec.write(out, f.apply(row));
        }
    }
}
