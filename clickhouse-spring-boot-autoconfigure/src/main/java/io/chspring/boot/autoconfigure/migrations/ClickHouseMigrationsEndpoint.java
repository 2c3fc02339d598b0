package io.chspring.boot.autoconfigure.migrations;

import io.chspring.migrations.AppliedMigration;
import io.chspring.migrations.ClickHouseMigrations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code clickhousemigrations} Actuator endpoint: per {@link ClickHouseMigrations} bean, the history (one entry
 * per script, its latest row) and the scripts still pending, read from the server on each call.
 */
@Endpoint(id = "clickhousemigrations")
public class ClickHouseMigrationsEndpoint {

    private final Map<String, ClickHouseMigrations> migrations;

    /** An endpoint over the {@code migrations} beans, by bean name. */
    public ClickHouseMigrationsEndpoint(Map<String, ClickHouseMigrations> migrations) {
        this.migrations = migrations;
    }

    /** The history and pending scripts of every migrations bean. */
    @ReadOperation
    public Map<String, MigrationsDescriptor> migrations() {
        Map<String, MigrationsDescriptor> result = new LinkedHashMap<>();
        migrations.forEach((name, m) -> result.put(name, new MigrationsDescriptor(m.history(), m.pending())));
        return result;
    }

    /**
     * The state of one migrations bean.
     *
     * @param migrations the applied (or part-applied) scripts
     * @param pending the file names of the scripts a run would apply now
     */
    public record MigrationsDescriptor(List<AppliedMigration> migrations, List<String> pending) {
    }
}
