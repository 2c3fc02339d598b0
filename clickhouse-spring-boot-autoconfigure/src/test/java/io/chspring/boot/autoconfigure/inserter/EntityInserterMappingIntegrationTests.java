package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.mapped.SensorReading;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.mapping.NamingStrategy;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configured {@code Inserter<Entity>} writes what Spring Data maps, not what the client's annotations say. */
@ClickHouseIntegrationTest
class EntityInserterMappingIntegrationTests {

    @BeforeAll
    static void table(ClickHouseTestDatabase db) {
        // names from the application's naming strategy ("m_" + snake_case); "renamed" from @Column
        db.query("CREATE TABLE m_sensor_reading (m_id UInt64, renamed String, m_sensor_value Float64, "
                + "m_doubled Float64 DEFAULT m_sensor_value * 2) ENGINE = MergeTree ORDER BY m_id");
    }

    @BeforeEach
    void clean(ClickHouseTestDatabase db) {
        db.query("TRUNCATE TABLE m_sensor_reading");
    }

    private static ApplicationContextRunner runner(ClickHouseTestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(MappedApplication.class)
                .withPropertyValues("clickhouse.url=" + db.url(), "clickhouse.inserter.period=1h");
    }

    @Test
    void renamedTransientReadOnlyAndNamingStrategyAreHonoured(ClickHouseTestDatabase db) {
        runner(db).withBean(Sensors.class).run(context -> {
            Inserter<SensorReading> readings = context.getBean(Sensors.class).readings;
            SensorReading reading = new SensorReading(1, "kitchen", 21.5);
            reading.doubled = 999; // read-only: the server's DEFAULT fills it
            readings.write(reading);
            readings.write(new SensorReading(2, "hall", 18));
        });
        // closing the context flushed the rows
        assertThat(db.query("SELECT m_id, renamed, m_sensor_value, m_doubled FROM m_sensor_reading ORDER BY m_id"))
                .isEqualTo("1\tkitchen\t21.5\t43\n2\thall\t18\t36\n");
    }

    @Test
    void lazilyInitializedInsertersAreCreatedOnFirstUse(ClickHouseTestDatabase db) {
        runner(db).withPropertyValues("clickhouse.inserter.lazy-initialization=true").withBean(LateSensors.class)
                .run(context -> {
                    assertThat(context.getBeanFactory().containsSingleton("sensorReadingInserter")).isFalse();
                    context.getBean(LateSensors.class).readings.getObject().write(new SensorReading(3, "attic", 5));
                    assertThat(context.getBeanFactory().containsSingleton("sensorReadingInserter")).isTrue();
                });
        assertThat(db.query("SELECT m_id, renamed, m_doubled FROM m_sensor_reading")).isEqualTo("3\tattic\t10\n");
    }

    /** The application: its entities elsewhere, its own naming strategy on the mapping context. */
    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = SensorReading.class)
    static class MappedApplication {

        @Bean
        ClickHouseMappingContext clickHouseMappingContext() {
            ClickHouseMappingContext context = new ClickHouseMappingContext();
            context.setNamingStrategy(name -> "m_" + NamingStrategy.SNAKE_CASE.columnName(name));
            return context;
        }
    }

    static class Sensors {

        @Autowired
        Inserter<SensorReading> readings;
    }

    static class LateSensors {

        @Autowired
        ObjectProvider<Inserter<SensorReading>> readings;
    }
}
