package io.chspring.boot.autoconfigure.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.boot.autoconfigure.money.Payment;
import io.chspring.boot.autoconfigure.money.Payment.Cents;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.convert.ClickHouseCustomConversions;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * A {@code ClickHouseCustomConversions} bean reaches the template and the auto-configured {@code Inserter<Entity>}
 * bean: a value type is written as its column value and read back, against a real server.
 */
@ClickHouseIntegrationTest
class CustomConversionsIntegrationTests {

    @BeforeAll
    static void table(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE payments (id UInt64, amount Int64) ENGINE = MergeTree ORDER BY id");
    }

    @WritingConverter
    enum CentsToLong implements Converter<Cents, Long> {
        INSTANCE;

        @Override
        public Long convert(Cents source) {
            return source.value();
        }
    }

    @ReadingConverter
    enum LongToCents implements Converter<Long, Cents> {
        INSTANCE;

        @Override
        public Cents convert(Long source) {
            return new Cents(source);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Payment.class)
    static class Application {

        @Bean
        ClickHouseCustomConversions clickHouseCustomConversions() {
            return new ClickHouseCustomConversions(List.of(CentsToLong.INSTANCE, LongToCents.INSTANCE));
        }
    }

    static class Payments {

        @Autowired
        Inserter<Payment> payments;
    }

    @Test
    void theInserterBeanAndTheTemplateConvert(ClickHouseTestDatabase db) {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("clickhouse.url=" + db.url(), "clickhouse.inserter.period=1h");
        runner.withBean(Payments.class).run(context -> {
            Inserter<Payment> payments = context.getBean(Payments.class).payments;
            payments.write(new Payment(1, new Cents(1999)));
            payments.flush();
            assertThat(db.query("SELECT id, amount FROM payments")).isEqualTo("1\t1999\n");
            ClickHouseTemplate template = context.getBean(ClickHouseTemplate.class);
            template.insert(new Payment(2, new Cents(5)));
            assertThat(template.queryForList("SELECT ?fields FROM payments WHERE amount > ? ORDER BY id",
                    Payment.class, new Cents(100))).containsExactly(new Payment(1, new Cents(1999)));
            assertThat(template.sql("SELECT ?fields FROM payments WHERE amount < :max ORDER BY id")
                    .param("max", new Cents(2000)).query(Payment.class).list())
                    .containsExactly(new Payment(1, new Cents(1999)), new Payment(2, new Cents(5)));
        });
    }
}
