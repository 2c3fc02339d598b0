package io.chspring.boot.autoconfigure.migrations;

import io.chspring.migrations.ClickHouseMigrations;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when one of {@code clickhouse.migrations.locations} exists, so applications without scripts pay nothing. */
final class MigrationsLocationCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> locations = Binder.get(context.getEnvironment())
                .bind("clickhouse.migrations.locations", Bindable.listOf(String.class))
                .orElse(List.of(ClickHouseMigrations.DEFAULT_LOCATION));
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader()
                : Thread.currentThread().getContextClassLoader();
        for (String location : locations) {
            if (ClickHouseMigrations.locationExists(location, loader)) {
                return ConditionOutcome.match("migration location " + location + " exists");
            }
        }
        return ConditionOutcome.noMatch("no migration location exists: " + locations);
    }
}
