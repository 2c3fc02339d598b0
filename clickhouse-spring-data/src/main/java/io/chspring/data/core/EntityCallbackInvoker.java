package io.chspring.data.core;

import io.chspring.data.mapping.event.AfterConvertCallback;
import io.chspring.data.mapping.event.BeforeConvertCallback;
import io.chspring.data.mapping.event.BeforeSaveCallback;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.data.mapping.callback.EntityCallback;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs the entity callbacks that apply to a class, in {@code @Order}/{@code Ordered} order. Which callbacks apply to
 * a class is worked out once per (callback kind, class), from each callback's type argument (a lambda's cannot be
 * read, so it applies to every class); each row then costs a map lookup and direct interface calls, no reflection,
 * and nothing at all for a class no callback applies to. Thread-safe.
 */
final class EntityCallbackInvoker {

    private final Supplier<List<EntityCallback<?>>> callbacks;
    private final Map<Kind, Map<Class<?>, List<EntityCallback<?>>>> applicable = new EnumMap<>(Kind.class);

    EntityCallbackInvoker(Supplier<? extends List<? extends EntityCallback<?>>> callbacks) {
        this.callbacks = SingletonSupplier.of(() -> {
            List<EntityCallback<?>> sorted = new ArrayList<>(callbacks.get());
            AnnotationAwareOrderComparator.sort(sorted);
            return List.copyOf(sorted);
        });
        for (Kind kind : Kind.values()) {
            applicable.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** The kinds of callback, each with its interface. */
    enum Kind {
        BEFORE_CONVERT(BeforeConvertCallback.class),
        BEFORE_SAVE(BeforeSaveCallback.class),
        AFTER_CONVERT(AfterConvertCallback.class);

        final Class<?> type;

        Kind(Class<?> type) {
            this.type = type;
        }
    }

    /** Whether any callback of {@code kind} applies to {@code type}. */
    boolean any(Kind kind, Class<?> type) {
        return !applicable(kind, type).isEmpty();
    }

    /** {@code entity} through the BeforeConvert then the BeforeSave callbacks. */
    @SuppressWarnings("unchecked")
    <T> T beforeInsert(T entity, String table) {
        T out = entity;
        for (EntityCallback<?> c : applicable(Kind.BEFORE_CONVERT, entity.getClass())) {
            out = checked(((BeforeConvertCallback<T>) c).onBeforeConvert(out, table), c);
        }
        for (EntityCallback<?> c : applicable(Kind.BEFORE_SAVE, out.getClass())) {
            out = checked(((BeforeSaveCallback<T>) c).onBeforeSave(out, table), c);
        }
        return out;
    }

    /** {@code row} through the AfterConvert callbacks. */
    @SuppressWarnings("unchecked")
    <T> T afterConvert(T row, String table) {
        T out = row;
        for (EntityCallback<?> c : applicable(Kind.AFTER_CONVERT, row.getClass())) {
            out = checked(((AfterConvertCallback<T>) c).onAfterConvert(out, table), c);
        }
        return out;
    }

    private List<EntityCallback<?>> applicable(Kind kind, Class<?> type) {
        return applicable.get(kind).computeIfAbsent(type, t -> callbacks.get().stream()
                .filter(c -> kind.type.isInstance(c) && ResolvableType.forClass(c.getClass()).as(kind.type)
                        .getGeneric(0).resolve(Object.class).isAssignableFrom(t))
                .toList());
    }

    private static <T> T checked(T result, EntityCallback<?> callback) {
        if (result == null) {
            throw new IllegalStateException("Entity callback " + callback.getClass().getName() + " returned null");
        }
        return result;
    }
}
