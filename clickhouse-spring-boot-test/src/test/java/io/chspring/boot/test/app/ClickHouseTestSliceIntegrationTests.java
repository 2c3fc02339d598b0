package io.chspring.boot.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.test.ClickHouseTest;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slice against the harness's real server: the ClickHouse beans are there, the application's components not. */
@ClickHouseIntegrationTest
@ClickHouseTest(properties = "clickhouse.inserter.tables.readings.period=1h")
class ClickHouseTestSliceIntegrationTests {

    private static final Instant TS = Instant.parse("2026-01-02T03:04:05Z");

    private static ClickHouseTestDatabase db;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReadingRepository readings;

    @Autowired
    Inserter<Reading> inserter;

    @Autowired
    ClickHouseTemplate template;

    @BeforeAll
    static void schema(ClickHouseTestDatabase database) {
        db = database;
        db.query("CREATE TABLE IF NOT EXISTS readings (id UInt64, sensor String, value Float64, ts DateTime) "
                + "ENGINE = MergeTree ORDER BY id");
    }

    @DynamicPropertySource
    static void clickhouse(DynamicPropertyRegistry registry) {
        registry.add("clickhouse.url", () -> db.url());
    }

    @BeforeEach
    void empty() {
        db.query("TRUNCATE TABLE readings");
    }

    @Test
    void repositoriesAndTemplateWorkOnTheServer() {
        readings.saveAll(List.of(new Reading(1, "a", 1.5, TS), new Reading(2, "a", 2.5, TS),
                new Reading(3, "b", 9, TS)));
        assertThat(readings.findBySensorOrderByIdAsc("a")).extracting(Reading::id).containsExactly(1L, 2L);
        assertThat(readings.averageOf("a")).isEqualTo(2.0);
        assertThat(template.queryForObject("SELECT count() FROM readings", Long.class)).isEqualTo(3);
    }

    @Test
    void theInserterBeanOfTheEntityWritesThroughTheSameClient() {
        LongStream.rangeClosed(1, 100).forEach(i -> inserter.write(new Reading(i, "s", i, TS)));
        // The period (1h, from the slice's properties) is out of reach: nothing is sent until the flush.
        assertThat(db.query("SELECT count() FROM readings").strip()).isEqualTo("0");
        inserter.flush();
        assertThat(db.query("SELECT count(), sum(id) FROM readings").strip()).isEqualTo("100\t5050");
    }

    @Test
    void onlyTheClickHouseAutoConfigurationsRun() {
        assertThat(context.getBeanNamesForType(ClickHouseClient.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(ReadingService.class)).isEmpty();
        // Full auto-configuration would add Boot's own (task execution, property placeholders, ...) from the class path.
        assertThat(context.getBeanNamesForAnnotation(AutoConfiguration.class)).containsExactlyInAnyOrder(
                "io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration",
                "io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration",
                "io.chspring.boot.autoconfigure.data.ClickHouseRepositoriesAutoConfiguration",
                "io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration");
    }
}
