package io.chspring.data.observation;

import io.chspring.data.core.OperationObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The template's operations as Micrometer observations: give it to {@code ClickHouseTemplate.setOperationObserver}
 * (the Boot auto-configuration does when an {@link ObservationRegistry} bean exists). A custom
 * {@link ClickHouseObservationConvention} replaces the {@link DefaultClickHouseObservationConvention}.
 */
public final class ObservationOperationObserver implements OperationObserver {


    private final ObservationRegistry registry;
    private final @Nullable ClickHouseObservationConvention convention;
    private final @Nullable String database;
    private final DefaultClickHouseObservationConvention defaultConvention;

    /**
     * An observer reporting to {@code registry}.
     *
     * @param convention the convention replacing the default one, or {@code null}
     * @param database the client's default database, for {@code db.namespace}; {@code null} when not set
     */
    public ObservationOperationObserver(ObservationRegistry registry, @Nullable ClickHouseObservationConvention convention,
            @Nullable String database) {
        this(registry, convention, database, true);
    }

    /**
     * An observer reporting to {@code registry}.
     *
     * @param convention the convention replacing the default one, or {@code null}
     * @param database the client's default database, for {@code db.namespace}; {@code null} when not set
     * @param includeQueryText whether the default convention records {@code db.query.text}
     */
    public ObservationOperationObserver(ObservationRegistry registry, @Nullable ClickHouseObservationConvention convention,
            @Nullable String database, boolean includeQueryText) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
        this.database = database;
        this.defaultConvention = new DefaultClickHouseObservationConvention(includeQueryText);
    }

    @Override
    public Operation start(String kind, @Nullable String sql, @Nullable String table) {
        ClickHouseObservationContext context = new ClickHouseObservationContext(kind, sql, table, database);
        Observation observation = Observation.createNotStarted(convention, defaultConvention, () -> context, registry).start();
        return new Operation() {
            @Override
            public void rows(long rows) {
                context.setRows(rows);
            }

            @Override
            public void error(Throwable error) {
                observation.error(error);
            }

            @Override
            public Scope openScope() {
                Observation.Scope scope = observation.openScope();
                return scope::close;
            }

            @Override
            public void stop() {
                observation.stop();
            }
        };
    }
}
