package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.PageView;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ClickHouseIntegrationTest
class ClickHouseInserterIntegrationTests {

    @BeforeAll
    static void tables(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE events (id UInt64, name String) ENGINE = Memory");
        db.query("CREATE TABLE page_view (id UInt64, url String) ENGINE = Memory");
    }

    private static ApplicationContextRunner runner(ClickHouseTestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(ScanRoot.class, EventService.class)
                .withPropertyValues("clickhouse.url=" + db.url(),
                        // Nothing is sent before close unless a test asks: the period and sizes are out of reach.
                        "clickhouse.inserter.period=1h", "clickhouse.inserter.max-rows=1000000");
    }

    @Test
    void rowsWrittenRightBeforeCloseLandAndTheClientClosesAfterTheInserters(ClickHouseTestDatabase db) {
        ClickHouseClient[] client = new ClickHouseClient[1];
        Inserter<?>[] inserter = new Inserter<?>[1];
        runner(db).run(context -> {
            EventService service = context.getBean(EventService.class);
            LongStream.rangeClosed(1, 500).forEach(i -> service.events.write(new Event(i, "e" + i)));
            client[0] = context.getBean(ClickHouseClient.class);
            inserter[0] = service.events;
            assertThat(service.events.stats().committedRows()).isZero();
            assertThat(db.query("SELECT count() FROM events").strip()).isEqualTo("0");
        });
        // The context is closed: the Inserter flushed its 500 rows through a client that was still open.
        assertThat(db.query("SELECT count(), sum(id) FROM events").strip()).isEqualTo("500\t125250");
        assertThat(inserter[0].stats().committedRows()).isEqualTo(500);
        assertThat(inserter[0].stats().spooledBatches()).isZero();
        assertThat(client[0].isClosed()).isTrue();
    }

    @Test
    void perTableOverridesApply(ClickHouseTestDatabase db) {
        runner(db).withPropertyValues("clickhouse.inserter.tables.page_view.max-rows=2").run(context -> {
            Inserter<PageView> views = context.getBean(EventService.class).views;
            views.write(new PageView(1, "/a"));
            views.write(new PageView(2, "/b"));
            views.write(new PageView(3, "/c"));
            // max-rows=2 sealed the first two rows into a batch of their own; the third waits for the period.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (views.stats().inserts() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(views.stats().committedRows()).isEqualTo(2);
            assertThat(views.stats().bufferedRows()).isEqualTo(1);
        });
    }

    /** An application bean injecting the Inserters by their generic type. */
    static class EventService {

        @Autowired
        Inserter<Event> events;

        @Autowired
        Inserter<PageView> views;
    }
}
