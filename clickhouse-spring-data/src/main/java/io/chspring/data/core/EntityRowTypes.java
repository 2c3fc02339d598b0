package io.chspring.data.core;

import io.chspring.client.mapping.RowProperty;
import io.chspring.data.convert.ClickHouseCustomConversions;
import io.chspring.client.mapping.RowType;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.mapping.InstanceCreatorMetadata;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PreferredConstructor;

/**
 * The client's {@link RowType} for an entity or result class, built once from Spring Data's mapping metadata, so
 * the client's row codec reads and writes it: column names from {@code @Column}, no {@code @Transient} properties,
 * {@code @ReadOnlyProperty} not inserted, the constructor Spring Data prefers ({@code @PersistenceCreator}, the
 * canonical one of a record). A property whose type has a custom conversion is described to the client as its
 * column type, with the converters composed into its getter, setter or constructor argument as method handles, so
 * the codec stays free of reflection and of Spring. Thread-safe.
 */
final class EntityRowTypes {

    private static final MethodHandle CONVERT;
    private static final MethodHandle MAP_PUT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            CONVERT = lookup.findVirtual(ConversionService.class, "convert",
                    MethodType.methodType(Object.class, Object.class, Class.class));
            MAP_PUT = lookup.findVirtual(Map.class, "put",
                    MethodType.methodType(Object.class, Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ClickHouseMappingContext context;
    private final ClickHouseCustomConversions conversions;
    private final Map<Class<?>, RowType<?>> cache = new ConcurrentHashMap<>();
    private final Map<List<Object>, RowType<Map<String, @Nullable Object>>> projections = new ConcurrentHashMap<>();

    EntityRowTypes(ClickHouseMappingContext context, ClickHouseCustomConversions conversions) {
        this.context = context;
        this.conversions = conversions;
    }

    /** Whether {@code type} is read as a mapped row rather than as a single value (the client's own rule). */
    static boolean isRowClass(Class<?> type) {
        return type.isRecord() || !(type.isPrimitive() || type.isEnum() || type.isArray() || type.isInterface()
                || type.getName().startsWith("java."));
    }

    @SuppressWarnings("unchecked")
    <T> RowType<T> of(Class<T> type) {
        return (RowType<T>) cache.computeIfAbsent(type, t -> build(context.getRequiredPersistentEntity(t)));
    }

    /**
     * A row type reading only the columns of {@code properties} of {@code type} into a map keyed by property name,
     * each value of its property's type (custom conversions applied): what a closed interface projection needs.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    RowType<Map<String, @Nullable Object>> projection(Class<?> type, Collection<String> properties) {
        return projections.computeIfAbsent(List.of(type, List.copyOf(properties)), key -> {
            ClickHousePersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
            MethodHandle newMap;
            try {
                newMap = MethodHandles.publicLookup().findConstructor(LinkedHashMap.class,
                        MethodType.methodType(void.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            RowType.Builder<Map<String, @Nullable Object>> builder = RowType.builder((Class) Map.class)
                    .constructor(newMap);
            for (String name : properties) {
                ClickHousePersistentProperty p = entity.getPersistentProperty(name);
                if (p == null) {
                    throw new MappingException("No mapped property '" + name + "' on " + entity.getName());
                }
                Class<?> column = conversions.readableColumnType(p.getType(), describe(p));
                MethodHandle put = MethodHandles.dropReturn(MethodHandles.insertArguments(MAP_PUT, 1, name));
                Type generic = column != null ? column : genericType(p);
                if (column != null) {
                    put = MethodHandles.filterArguments(put, 1, reader(column, p.getType()).asType(
                            MethodType.methodType(Object.class, column)));
                }
                builder.property(RowProperty.builder(p.getColumnName(), generic).name(name).insertable(false)
                        .setter(put).build());
            }
            return builder.build();
        });
    }

    private <T> RowType<T> build(ClickHousePersistentEntity<T> entity) {
        Class<T> type = entity.getType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Map<String, Integer> slots = new HashMap<>();
            MethodHandle constructor = constructor(entity, lookup, slots);
            List<RowProperty> properties = new java.util.ArrayList<>();
            for (ClickHousePersistentProperty p : entity) {
                int slot = slots.getOrDefault(p.getName(), -1);
                Class<?> column = conversions.readableColumnType(p.getType(), describe(p));
                if (column != null && slot >= 0) {
                    MethodHandle read = reader(column, p.getType());
                    constructor = MethodHandles.filterArguments(constructor, slot,
                            read.asType(MethodType.methodType(constructor.type().parameterType(slot), column)));
                }
                properties.add(property(p, lookup, slot, column));
            }
            RowType.Builder<T> builder = RowType.builder(type).constructor(constructor);
            properties.forEach(builder::property);
            return builder.build();
        } catch (IllegalAccessException e) {
            throw new MappingException("Cannot access the members of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static MethodHandle constructor(ClickHousePersistentEntity<?> entity, MethodHandles.Lookup lookup,
            Map<String, Integer> slots) throws IllegalAccessException {
        InstanceCreatorMetadata<ClickHousePersistentProperty> creator = entity.getInstanceCreatorMetadata();
        if (!(creator instanceof PreferredConstructor<?, ClickHousePersistentProperty> preferred)) {
            throw new MappingException(entity.getName() + " has no constructor Spring Data can use"
                    + (creator == null ? "" : " (factory methods are not supported)"));
        }
        Constructor<?> constructor = preferred.getConstructor();
        List<Parameter<Object, ClickHousePersistentProperty>> parameters = preferred.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i).getName();
            if (name != null && entity.getPersistentProperty(name) != null) {
                slots.put(name, i);
            }
        }
        return lookup.unreflectConstructor(constructor);
    }

    /**
     * The property as the client sees it; with a {@code column} type (a custom conversion) the getter converts the
     * value to it and the setter from it (the constructor argument is converted by the caller).
     */
    private RowProperty property(ClickHousePersistentProperty p, MethodHandles.Lookup lookup, int slot,
            @Nullable Class<?> column) throws IllegalAccessException {
        Field field = p.getField();
        Method getter = p.getGetter();
        Type generic = column != null ? column : genericType(p);
        RowProperty.Builder b = RowProperty.builder(p.getColumnName(), generic).name(p.getName())
                .insertable(p.isInsertable());
        MethodHandle get = getter != null ? lookup.unreflect(getter)
                : field != null ? lookup.unreflectGetter(field) : null;
        if (get != null) {
            b.getter(column == null ? get : MethodHandles.filterReturnValue(get,
                    writer(p.getType(), column).asType(MethodType.methodType(column, get.type().returnType()))));
        }
        MethodHandle set = null;
        if (slot >= 0) {
            b.constructorParameter(slot);
        } else if (p.getSetter() != null) {
            set = lookup.unreflect(p.getSetter());
        } else if (field != null && !Modifier.isFinal(field.getModifiers())) {
            set = lookup.unreflectSetter(field);
        }
        if (set != null) {
            b.setter(column == null ? set : MethodHandles.filterArguments(set, 1,
                    reader(column, p.getType()).asType(MethodType.methodType(set.type().parameterType(1), column))));
        }
        return b.build();
    }

    private static Type genericType(ClickHousePersistentProperty p) {
        Field field = p.getField();
        return field != null ? field.getGenericType() : p.getGetter().getGenericReturnType();
    }

    /** {@code (Object) -> Object}: a value of {@code from} converted to {@code to} by the custom conversions. */
    private MethodHandle converter(Class<?> to) {
        return MethodHandles.insertArguments(CONVERT.bindTo(conversions.getConversionService()), 1, to);
    }

    private MethodHandle writer(Class<?> from, Class<?> column) {
        return converter(column).asType(MethodType.methodType(Object.class, from.isPrimitive() ? Object.class : from));
    }

    private MethodHandle reader(Class<?> column, Class<?> to) {
        return converter(to);
    }

    private static String describe(ClickHousePersistentProperty p) {
        return "Property '" + p.getName() + "' of " + p.getOwner().getName();
    }
}
