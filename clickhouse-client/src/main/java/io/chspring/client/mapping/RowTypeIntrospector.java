package io.chspring.client.mapping;

import io.chspring.client.ClickHouseConfigurationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds a {@link RowType} from a class by reflection, once per class: records through their canonical constructor
 * and accessors, other classes through fields and a no-arg or {@link RowConstructor} constructor. Private members are
 * reached with {@link MethodHandles#privateLookupIn}, so getters and setters are not required.
 */
final class RowTypeIntrospector {

    private RowTypeIntrospector() {
    }

    static <T> RowType<T> introspect(Class<T> type, NamingStrategy naming) {
        if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            throw new ClickHouseConfigurationException("Cannot map rows to " + type.getTypeName()
                    + ": use a record or a concrete class with fields");
        }
        try {
            return type.isRecord() ? record(type, naming) : pojo(type, naming);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new ClickHouseConfigurationException("Cannot map rows to " + type.getName() + ": " + e.getMessage()
                    + " (in a named module, open its package to io.chspring.client)", e);
        }
    }

    private static <T> RowType<T> record(Class<T> type, NamingStrategy naming)
            throws IllegalAccessException, NoSuchMethodException {
        MethodHandles.Lookup lookup = lookup(type);
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        RowType.Builder<T> builder = RowType.builder(type)
                .constructor(lookup.unreflectConstructor(type.getDeclaredConstructor(types)));
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            if (c.isAnnotationPresent(Ignore.class)) {
                continue;
            }
            builder.property(RowProperty.builder(column(c, c.getName(), naming), c.getGenericType())
                    .name(c.getName())
                    .getter(lookup.unreflect(c.getAccessor()))
                    .accessor(Accessors.of(lookup, c.getAccessor()))
                    .constructorParameter(i)
                    .insertable(!c.isAnnotationPresent(ReadOnly.class))
                    .build());
        }
        return builder.build();
    }

    private static <T> RowType<T> pojo(Class<T> type, NamingStrategy naming)
            throws IllegalAccessException, NoSuchMethodException {
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new ClickHouseConfigurationException("Cannot map rows to inner class " + type.getName()
                    + ": make it static");
        }
        List<Field> fields = fields(type);
        Constructor<?> constructor = constructor(type, fields);
        Parameter[] parameters = constructor.getParameters();
        RowType.Builder<T> builder = RowType.builder(type).constructor(lookup(type).unreflectConstructor(constructor));
        for (Field f : fields) {
            MethodHandles.Lookup lookup = lookup(f.getDeclaringClass());
            int slot = parameterIndex(parameters, f);
            RowProperty.Builder property = RowProperty.builder(column(f, f.getName(), naming), f.getGenericType())
                    .name(f.getName())
                    .getter(lookup.unreflectGetter(f))
                    .insertable(!f.isAnnotationPresent(ReadOnly.class));
            if (slot >= 0) {
                property.constructorParameter(slot);
            } else if (!Modifier.isFinal(f.getModifiers())) {
                property.setter(lookup.unreflectSetter(f));
            }
            builder.property(property.build());
        }
        return builder.build();
    }

    /** Mapped fields, superclass fields first, each class's in declaration order. */
    private static List<Field> fields(Class<?> type) {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()
                        && !f.isAnnotationPresent(Ignore.class)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static Constructor<?> constructor(Class<?> type, List<Field> fields) throws NoSuchMethodException {
        Constructor<?>[] all = type.getDeclaredConstructors();
        List<Constructor<?>> annotated = new ArrayList<>();
        for (Constructor<?> c : all) {
            if (c.isAnnotationPresent(RowConstructor.class)) {
                annotated.add(c);
            }
        }
        if (annotated.size() > 1) {
            throw new ClickHouseConfigurationException(type.getName() + " has " + annotated.size()
                    + " constructors annotated @RowConstructor; annotate one");
        }
        if (annotated.size() == 1) {
            checkParameters(type, annotated.get(0), fields, true);
            return annotated.get(0);
        }
        for (Constructor<?> c : all) {
            if (c.getParameterCount() == 0) {
                return c;
            }
        }
        if (all.length == 1 && checkParameters(type, all[0], fields, false)) {
            return all[0];
        }
        throw new ClickHouseConfigurationException("Cannot map rows to " + type.getName() + ": it needs a no-arg "
                + "constructor (any visibility), or a constructor annotated @RowConstructor whose parameter names "
                + "(compiled with -parameters) match its fields");
    }

    private static boolean checkParameters(Class<?> type, Constructor<?> c, List<Field> fields, boolean strict) {
        for (Parameter p : c.getParameters()) {
            if (!p.isNamePresent()) {
                if (strict) {
                    throw new ClickHouseConfigurationException("The @RowConstructor of " + type.getName()
                            + " has no parameter names: compile with -parameters");
                }
                return false;
            }
            Field match = fields.stream().filter(f -> f.getName().equals(p.getName())).findFirst().orElse(null);
            if (match == null || !match.getGenericType().equals(p.getParameterizedType())) {
                if (strict) {
                    throw new ClickHouseConfigurationException("Parameter '" + p.getName() + "' of the @RowConstructor of "
                            + type.getName() + " has no mapped field of the same name and type");
                }
                return false;
            }
        }
        return true;
    }

    private static int parameterIndex(Parameter[] parameters, Field f) {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isNamePresent() && parameters[i].getName().equals(f.getName())) {
                return i;
            }
        }
        return -1;
    }

    private static String column(AnnotatedElement element, String javaName, NamingStrategy naming) {
        Column column = element.getAnnotation(Column.class);
        String name = column != null ? column.value() : naming.columnName(javaName);
        if (name == null || name.isEmpty()) {
            throw new ClickHouseConfigurationException("Property '" + javaName + "' maps to an empty column name");
        }
        return name;
    }

    private static MethodHandles.Lookup lookup(Class<?> type) throws IllegalAccessException {
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }
}
