package io.chspring.boot.autoconfigure.data.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.observation.RequestObservation;
import io.chspring.client.observation.RequestStart;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.data.core.OperationObserver;
import io.chspring.data.observation.ClickHouseObservationContext;
import io.chspring.data.observation.ClickHouseObservationConvention;
import io.chspring.data.observation.ObservationClickHouseObserver;
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
                    // the client's own requests are observed too, as children: the template's operation is one
                    assertThat(stopped.stream().filter(c -> c instanceof ClickHouseObservationContext))
                            .singleElement().satisfies(c -> assertThat(c.getName()).isEqualTo("app.clickhouse"));
                    // no SQL text unless clickhouse.observations.include-query-text says so
                    assertThat(stopped).allSatisfy(c -> assertThat(c.getHighCardinalityKeyValue("db.query.text"))
                            .isNull());
                });
    }

    @Test
    void theClientsRequestsAreObservedAsChildrenOfTheTemplatesOperationWithTheQueryTextOnRequest(
            ClickHouseTestDatabase db) {
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
        runner(db).withBean(ObservationRegistry.class, () -> registry)
                .withPropertyValues("clickhouse.observations.include-query-text=true").run(context -> {
                    assertThat(context).hasSingleBean(ClickHouseObserver.class);
                    context.getBean(ClickHouseOperations.class).queryForObject("SELECT 'secret'", String.class);
                    Observation.Context request = stopped.stream()
                            .filter(c -> c.getName().equals("clickhouse.request")).reduce((a, b) -> b).orElseThrow();
                    assertThat(request.getParentObservation().getContextView().getName())
                            .isEqualTo("clickhouse.template.operations");
                    assertThat(request.getHighCardinalityKeyValue("db.query.text").getValue()).isEqualTo("SELECT ?");
                    Observation.Context operation = stopped.stream()
                            .filter(c -> c.getName().equals("clickhouse.template.operations")).findFirst().orElseThrow();
                    assertThat(operation.getHighCardinalityKeyValue("db.query.text").getValue())
                            .isEqualTo("SELECT 'secret'");
                });
    }

    @Test
    void anObserverOfTheApplicationIsGivenToTheClient(ClickHouseTestDatabase db) {
        List<String> started = new CopyOnWriteArrayList<>();
        ClickHouseObserver own = new ClickHouseObserver() {
            @Override
            public RequestObservation request(RequestStart request) {
                started.add(request.keyword());
                return RequestObservation.NONE;
            }
        };
        runner(db).withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withBean(ClickHouseObserver.class, () -> own).run(context -> {
                    assertThat(context).doesNotHaveBean(ObservationClickHouseObserver.class);
                    context.getBean(ClickHouseClient.class).execute("SELECT 1");
                    assertThat(started).contains("SELECT");
                });
    }

    @Test
    void withoutARegistryNothingIsObserved(ClickHouseTestDatabase db) {
        runner(db).run(context -> {
            assertThat(context).doesNotHaveBean(OperationObserver.class);
            assertThat(context).doesNotHaveBean(ClickHouseObserver.class);
            assertThat(context.getBean(ClickHouseClient.class).config().observer()).isEmpty();
        });
    }
}
