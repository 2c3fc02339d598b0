package io.chspring.client.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Generated row factories: for a row type whose constructor handle is a plain constructor, a hidden class in the row
 * class's package whose {@code create} does {@code new T(...)} from the row buffer. A call through a non-constant
 * {@link MethodHandle} to a constructor is not inlined and allocates through
 * {@code DirectMethodHandle.allocateInstance}, about 15% of a 3,000,000-row read from a cold JVM (issue 17); a real
 * {@code new} allocates on the compiled fast path. When no class can be defined (a package not opened to us, a
 * constructor handle that is not a plain constructor, a parameter type the row's package cannot see), the
 * decoder keeps the method handle.
 */
final class RowFactories {

    private RowFactories() {
    }

    /**
     * What a generated class implements. Public inside this package-private class because the generated class lives
     * in the row class's package and the JVM lets it implement only a public interface; Java code elsewhere cannot
     * name it.
     */
    public interface Factory {
        /** A new row object from the row buffer's slots. */
        Object create(long[] longs, double[] doubles, Object[] refs);
    }

    /** A factory calling {@code constructor} with the values of {@code slots}, or {@code null} when none can be made. */
    static Factory of(MethodHandle constructor, int[] slots) {
        try {
            Class<?> owner = constructor.type().returnType();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandleInfo info = lookup.revealDirect(constructor);
            if (info.getReferenceKind() != MethodHandleInfo.REF_newInvokeSpecial || info.getDeclaringClass() != owner
                    || owner.isHidden()) {
                return null;
            }
            Class<?>[] parameters = info.getMethodType().parameterArray();
            for (int i = 0; i < parameters.length; i++) {
                if (slots[i] > Short.MAX_VALUE) {
                    return null;
                }
                if (!parameters[i].isPrimitive()) {
                    // the generated checkcast resolves lazily: a type the row's package cannot see must fail here,
                    // not on the first row
                    lookup.accessClass(parameters[i]);
                }
            }
            String name = owner.getName().replace('.', '/') + "$$RowFactory";
            byte[] bytes = RowFactoryClassFile.of(name, owner, parameters, slots);
            MethodHandles.Lookup defined = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return (Factory) defined.findConstructor(defined.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // not fatal: the constructor's method handle does the same job, only slower
            return null;
        }
    }
}
