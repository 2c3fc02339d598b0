package io.chspring.test;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The arguments of a {@link ClickHouseEngines} class: one lazy {@link EngineTarget} per engine. Nothing is started
 * here, because an engine that is missing must skip only its own invocation, not the class.
 *
 * <p>{@code CLICKHOUSE_TEST_ENGINES} (comma-separated {@code http}, {@code chdb}) narrows the engines of every class
 * for a developer's run; CI leaves it unset.
 */
final class EngineTargets implements ArgumentsProvider {

    static final String ENGINES_VARIABLE = "CLICKHOUSE_TEST_ENGINES";

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        EngineKind[] kinds = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ClickHouseEngines.class)
                .map(ClickHouseEngines::value).orElse(EngineKind.values());
        Set<String> wanted = wanted(System.getenv(ENGINES_VARIABLE));
        return Arrays.stream(kinds)
                .filter(kind -> wanted.isEmpty() || wanted.contains(kind.label()))
                .map(kind -> Arguments.of(kind == EngineKind.HTTP
                        ? new HttpEngineTarget(context) : new EmbeddedEngineTarget(context)));
    }

    /** The engine labels a {@value #ENGINES_VARIABLE} value names; empty for all. */
    static Set<String> wanted(String variable) {
        if (variable == null || variable.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(variable.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
