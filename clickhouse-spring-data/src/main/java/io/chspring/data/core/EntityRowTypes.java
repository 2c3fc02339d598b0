package io.chspring.data.core;

import io.chspring.client.mapping.RowProperty;
import io.chspring.client.mapping.RowType;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mapping.InstanceCreatorMetadata;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PreferredConstructor;

/**
 * The client's {@link RowType} for an entity or result class, built once from Spring Data's mapping metadata, so
 * the client's row codec reads and writes it: column names from {@code @Column}, no {@code @Transient} properties,
 * {@code @ReadOnlyProperty} not inserted, the constructor Spring Data prefers ({@code @PersistenceCreator}, the
 * canonical one of a record). Thread-safe.
 */
final class EntityRowTypes {

    private final ClickHouseMappingContext context;
    private final Map<Class<?>, RowType<?>> cache = new ConcurrentHashMap<>();

    EntityRowTypes(ClickHouseMappingContext context) {
        this.context = context;
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

    private static <T> RowType<T> build(ClickHousePersistentEntity<T> entity) {
        Class<T> type = entity.getType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Map<String, Integer> slots = new HashMap<>();
            RowType.Builder<T> builder = RowType.builder(type).constructor(constructor(entity, lookup, slots));
            for (ClickHousePersistentProperty p : entity) {
                builder.property(property(p, lookup, slots.getOrDefault(p.getName(), -1)));
            }
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

    private static RowProperty property(ClickHousePersistentProperty p, MethodHandles.Lookup lookup, int slot)
            throws IllegalAccessException {
        Field field = p.getField();
        Method getter = p.getGetter();
        Type generic = field != null ? field.getGenericType() : getter.getGenericReturnType();
        RowProperty.Builder b = RowProperty.builder(p.getColumnName(), generic).name(p.getName())
                .insertable(p.isInsertable());
        if (getter != null) {
            b.getter(lookup.unreflect(getter));
        } else if (field != null) {
            b.getter(lookup.unreflectGetter(field));
        }
        if (slot >= 0) {
            b.constructorParameter(slot);
        } else if (p.getSetter() != null) {
            b.setter(lookup.unreflect(p.getSetter()));
        } else if (field != null && !Modifier.isFinal(field.getModifiers())) {
            b.setter(lookup.unreflectSetter(field));
        }
        return b.build();
    }
}
