package io.chspring.sample.dev;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when neither {@code clickhouse.url} nor {@code CLICKHOUSE_URL} (relaxed binding) is set. */
final class NoClickHouseUrlCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !context.getEnvironment().containsProperty("clickhouse.url");
    }
}
