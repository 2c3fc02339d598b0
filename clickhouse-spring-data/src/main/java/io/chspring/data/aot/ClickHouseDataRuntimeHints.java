package io.chspring.data.aot;

import io.chspring.data.config.ClickHouseAuditingCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * The members the Spring Data module looks up by name, whatever the application's entities: the handles of custom
 * conversions ({@code ConversionService.convert}) and of interface projections ({@code Map.put}, the
 * {@code LinkedHashMap} constructor), and the auditing callback the auditing registrar names by class.
 */
public class ClickHouseDataRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerMethod(ReflectionUtils.findMethod(ConversionService.class, "convert",
                Object.class, Class.class), ExecutableMode.INVOKE);
        hints.reflection().registerMethod(ReflectionUtils.findMethod(Map.class, "put", Object.class, Object.class),
                ExecutableMode.INVOKE);
        hints.reflection().registerType(LinkedHashMap.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        hints.reflection().registerType(TypeReference.of(ClickHouseAuditingCallback.class),
                MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS);
    }

    /**
     * What the template needs of a mapped class: its constructors, fields and methods, which it unreflects into the
     * method handles of the client's row codec, and its record components.
     */
    public static void registerEntity(RuntimeHints hints, Class<?> type) {
        hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                MemberCategory.ACCESS_DECLARED_FIELDS, MemberCategory.INVOKE_DECLARED_METHODS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
    }
}
