package io.chspring.sample;

import io.chspring.client.ClickHouseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;

/**
 * Runs the statements of {@code schema.sql} (separated by {@code ;}) as soon as the {@link ClickHouseClient} bean is
 * ready, before any bean that uses it: the {@code Inserter<PageView>} bean asks the server for the table's columns
 * when it is created, so the table has to exist by then. Statements must be idempotent
 * ({@code CREATE TABLE IF NOT EXISTS}).
 */
final class SchemaInitializer implements BeanPostProcessor {

    private final Resource script;

    SchemaInitializer(Resource script) {
        this.script = script;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ClickHouseClient client) {
            // One request per statement: ClickHouse's HTTP interface refuses several statements in one query.
            Arrays.stream(read().split(";")).map(String::strip).filter(sql -> !sql.isEmpty())
                    .forEach(sql -> client.query(sql).execute());
        }
        return bean;
    }

    private String read() {
        try {
            return script.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }
}
