package io.chspring.boot.autoconfigure.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.EventRepository;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

@ClickHouseIntegrationTest
class ClickHouseDataIntegrationTests {

    @Test
    void repositoriesTemplateAndInsertersWorkTogetherOnARealServer(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE events (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        db.query("CREATE TABLE page_view (id UInt64, url String) ENGINE = Memory");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseRepositoriesAutoConfiguration.class,
                        ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(ScanRoot.class)
                .withPropertyValues("clickhouse.url=" + db.url())
                .run(context -> {
                    EventRepository repository = context.getBean(EventRepository.class);
                    repository.save(new Event(1, "signup"));
                    @SuppressWarnings("unchecked")
                    Inserter<Event> inserter = (Inserter<Event>) context.getBeanProvider(
                            ResolvableType.forClassWithGenerics(Inserter.class, Event.class)).getObject();
                    inserter.write(new Event(2, "login"));
                    inserter.write(new Event(3, "login"));
                    inserter.flush();

                    assertThat(repository.findByName("login")).extracting(Event::id).containsExactlyInAnyOrder(2L, 3L);
                    assertThat(repository.count()).isEqualTo(3);
                    List<String> names = context.getBean(ClickHouseOperations.class)
                            .queryForList("SELECT name FROM events ORDER BY id", String.class);
                    assertThat(names).containsExactly("signup", "login", "login");
                });
    }
}
