package io.chspring.boot.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.test.ClickHouseTest;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A component named by the include filters joins the slice, with the repository it needs. */
@ClickHouseIntegrationTest
@ClickHouseTest(includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ReadingService.class))
class ClickHouseTestIncludeFiltersIntegrationTests {

    private static ClickHouseTestDatabase db;

    @Autowired
    ReadingService service;

    @Autowired
    ReadingRepository readings;

    @BeforeAll
    static void schema(ClickHouseTestDatabase database) {
        db = database;
        db.query("CREATE TABLE readings (id UInt64, sensor String, value Float64, ts DateTime) "
                + "ENGINE = MergeTree ORDER BY id");
    }

    @DynamicPropertySource
    static void clickhouse(DynamicPropertyRegistry registry) {
        registry.add("clickhouse.url", () -> db.url());
    }

    @Test
    void anIncludedComponentJoinsTheSlice() {
        Instant ts = Instant.parse("2026-01-02T03:04:05Z");
        readings.saveAll(List.of(new Reading(1, "c", 4, ts), new Reading(2, "c", 6, ts)));
        assertThat(service.average("c")).isEqualTo(5.0);
    }
}
