package io.chspring.client.mapping;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of one small class implementing {@link RowFactories.Factory} for one constructor: {@code create} is
 * {@code new T(<each parameter read from its slot and converted>)} in straight-line bytecode. JDK 17 has no public
 * class-file API (ASM is internal to the JDK) and we add no dependency, so this writes the few structures it needs
 * itself: a constant pool, a no-arg constructor and {@code create}. Neither method branches, so no StackMapTable
 * is needed. The conversions are those of {@link Slots#constructorAdapter}: a {@code long} slot narrows with
 * {@code l2i} (then {@code i2s}/{@code i2b}/{@code i2c}), a boolean is bit 0 of its slot, a float is {@code d2f},
 * a reference is cast.
 */
final class RowFactoryClassFile {

    private static final String OBJECT = "java/lang/Object";
    private static final String FACTORY = RowFactories.Factory.class.getName().replace('.', '/');
    private static final String CREATE_DESCRIPTOR = "([J[D[Ljava/lang/Object;)Ljava/lang/Object;";

    private final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
    private final DataOutputStream pool = new DataOutputStream(poolBytes);
    private final Map<String, Integer> entries = new HashMap<>();
    private int poolCount = 1;

    private RowFactoryClassFile() {
    }

    /**
     * The class file of a factory named {@code name} (internal form, in {@code type}'s package) calling
     * {@code type}'s constructor taking {@code parameters}, parameter {@code i} read from slot {@code slots[i]}.
     */
    static byte[] of(String name, Class<?> type, Class<?>[] parameters, int[] slots) {
        try {
            return new RowFactoryClassFile().write(name, type, parameters, slots);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
    }

    private byte[] write(String name, Class<?> type, Class<?>[] parameters, int[] slots) throws IOException {
        int thisClass = classRef(name);
        int objectClass = classRef(OBJECT);
        int factory = classRef(FACTORY);
        int objectInit = methodRef(objectClass, "<init>", "()V");
        int init = utf8("<init>");
        int voidDescriptor = utf8("()V");
        int create = utf8("create");
        int createDescriptor = utf8(CREATE_DESCRIPTOR);
        int code = utf8("Code");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(body);
        c.writeByte(0xbb); // new
        c.writeShort(classRef(internalName(type)));
        c.writeByte(0x59); // dup
        StringBuilder descriptor = new StringBuilder("(");
        int stack = 2;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            descriptor.append(p.descriptorString());
            c.writeByte(0x2b + Slots.kind(p)); // aload_1 / aload_2 / aload_3: long[], double[], Object[]
            pushInt(c, slots[i]);
            if (p == double.class || p == float.class) {
                c.writeByte(0x31); // daload
                if (p == float.class) {
                    c.writeByte(0x90); // d2f
                }
            } else if (p.isPrimitive()) {
                c.writeByte(0x2f); // laload
                if (p != long.class) {
                    c.writeByte(0x88); // l2i
                }
                if (p == short.class) {
                    c.writeByte(0x93); // i2s
                } else if (p == byte.class) {
                    c.writeByte(0x91); // i2b
                } else if (p == char.class) {
                    c.writeByte(0x92); // i2c
                } else if (p == boolean.class) {
                    c.writeByte(0x04); // iconst_1
                    c.writeByte(0x7e); // iand
                }
            } else {
                c.writeByte(0x32); // aaload
                if (p != Object.class) {
                    c.writeByte(0xc0); // checkcast
                    c.writeShort(classRef(internalName(p)));
                }
            }
            stack += p == long.class || p == double.class ? 2 : 1;
        }
        int constructor = methodRef(classRef(internalName(type)), "<init>", descriptor.append(")V").toString());
        c.writeByte(0xb7); // invokespecial
        c.writeShort(constructor);
        c.writeByte(0xb0); // areturn
        byte[] createCode = body.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(0xCAFEBABE);
        o.writeShort(0);
        o.writeShort(61); // Java 17
        o.writeShort(poolCount);
        pool.flush();
        poolBytes.writeTo(o);
        o.writeShort(0x0030); // ACC_FINAL | ACC_SUPER
        o.writeShort(thisClass);
        o.writeShort(objectClass);
        o.writeShort(1);
        o.writeShort(factory);
        o.writeShort(0); // fields
        o.writeShort(2); // methods
        // public <init>() { super(); }
        method(o, init, voidDescriptor, code, 1, 1, new byte[] {0x2a, (byte) 0xb7, (byte) (objectInit >> 8),
                (byte) objectInit, (byte) 0xb1});
        // the peak stack is the parameters pushed so far plus array, index and a wide value or boolean's iconst_1
        method(o, create, createDescriptor, code, stack + 3, 4, createCode);
        o.writeShort(0); // class attributes
        return out.toByteArray();
    }

    private static void method(DataOutputStream o, int name, int descriptor, int code, int maxStack, int maxLocals,
            byte[] bytecode) throws IOException {
        o.writeShort(0x0001); // ACC_PUBLIC
        o.writeShort(name);
        o.writeShort(descriptor);
        o.writeShort(1);
        o.writeShort(code);
        o.writeInt(12 + bytecode.length);
        o.writeShort(maxStack);
        o.writeShort(maxLocals);
        o.writeInt(bytecode.length);
        o.write(bytecode);
        o.writeShort(0); // exception table
        o.writeShort(0); // code attributes
    }

    private static void pushInt(DataOutputStream c, int value) throws IOException {
        if (value <= 5) {
            c.writeByte(0x03 + value); // iconst_<n>
        } else if (value <= Byte.MAX_VALUE) {
            c.writeByte(0x10); // bipush
            c.writeByte(value);
        } else {
            c.writeByte(0x11); // sipush; RowFactories refuses more slots than it holds
            c.writeShort(value);
        }
    }

    /** A class's name as a CONSTANT_Class holds it: internal form, or the descriptor for an array. */
    private static String internalName(Class<?> c) {
        return c.isArray() ? c.descriptorString() : c.getName().replace('.', '/');
    }

    private int utf8(String s) throws IOException {
        Integer known = entries.get("U" + s);
        if (known != null) {
            return known;
        }
        pool.writeByte(1);
        pool.writeUTF(s); // modified UTF-8, as class files hold it
        entries.put("U" + s, poolCount);
        return poolCount++;
    }

    private int classRef(String internalName) throws IOException {
        int name = utf8(internalName);
        return entry("C" + internalName, 7, name, -1);
    }

    private int methodRef(int owner, String name, String descriptor) throws IOException {
        int nameAndType = entry("N" + name + descriptor, 12, utf8(name), utf8(descriptor));
        return entry("M" + owner + "." + name + descriptor, 10, owner, nameAndType);
    }

    private int entry(String key, int tag, int first, int second) throws IOException {
        Integer known = entries.get(key);
        if (known != null) {
            return known;
        }
        pool.writeByte(tag);
        pool.writeShort(first);
        if (second >= 0) {
            pool.writeShort(second);
        }
        entries.put(key, poolCount);
        return poolCount++;
    }
}
