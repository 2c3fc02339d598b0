package io.chspring.boot.autoconfigure.data.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.OperationObserver;
import io.chspring.data.observation.ClickHouseObservationContext;
import io.chspring.data.observation.ClickHouseObservationConvention;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With an ObservationRegistry bean the auto-configured template's operations are observed, on a real server. */
@ClickHouseIntegrationTest
class ClickHouseDataObservationIntegrationTests {

    private static ApplicationContextRunner runner(ClickHouseTestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseDataObservationAutoConfiguration.class))
                .withPropertyValues("clickhouse.url=" + db.url(), "clickhouse.inserter.enabled=false");
    }

    @Test
    void theTemplateReportsToTheRegistryWithTheApplicationsConvention(ClickHouseTestDatabase db) {
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        ClickHouseObservationConvention convention = new ClickHouseObservationConvention() {
            @Override
            public String getName() {
                return "app.clickhouse";
            }
        };
        runner(db).withBean(ObservationRegistry.class, () -> registry)
                .withBean(ClickHouseObservationConvention.class, () -> convention).run(context -> {
                    assertThat(context).hasSingleBean(OperationObserver.class);
                    context.getBean(ClickHouseOperations.class).queryForObject("SELECT 1", Long.class);
                    assertThat(stopped).singleElement().satisfies(c -> {
                        assertThat(c).isInstanceOf(ClickHouseObservationContext.class);
                        assertThat(c.getName()).isEqualTo("app.clickhouse");
                    });
                });
    }

    @Test
    void withoutARegistryNothingIsObserved(ClickHouseTestDatabase db) {
        runner(db).run(context -> assertThat(context).doesNotHaveBean(OperationObserver.class));
    }
}
