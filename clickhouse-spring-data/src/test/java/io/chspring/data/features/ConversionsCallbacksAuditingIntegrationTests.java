package io.chspring.data.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.config.EnableClickHouseAuditing;
import io.chspring.data.convert.ClickHouseCustomConversions;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.features.Order.Money;
import io.chspring.data.features.Order.OrderId;
import io.chspring.data.mapping.ClickHouseMappingContext;
import io.chspring.data.mapping.event.AfterConvertCallback;
import io.chspring.data.mapping.event.BeforeConvertCallback;
import io.chspring.data.mapping.event.BeforeSaveCallback;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.AuditorAware;

/**
 * Custom conversions (a wrapped id and a money type, both Int64 columns) through the template, derived and
 * {@code @Query} repository methods and the Inserter the template builds; entity callbacks; auditing of a record
 * through {@code @EnableClickHouseAuditing}; on both engines. The stored column values are read back as plain
 * numbers, so a conversion that did not happen would show.
 */
@ClickHouseEngines
class ConversionsCallbacksAuditingIntegrationTests {

    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    static final AtomicInteger READS = new AtomicInteger();

    @WritingConverter
    enum MoneyToLong implements Converter<Money, Long> {
        INSTANCE;

        @Override
        public Long convert(Money source) {
            return source.cents();
        }
    }

    @ReadingConverter
    enum LongToMoney implements Converter<Long, Money> {
        INSTANCE;

        @Override
        public Money convert(Long source) {
            return new Money(source);
        }
    }

    @WritingConverter
    enum IdToLong implements Converter<OrderId, Long> {
        INSTANCE;

        @Override
        public Long convert(OrderId source) {
            return source.value();
        }
    }

    @ReadingConverter
    enum LongToId implements Converter<Long, OrderId> {
        INSTANCE;

        @Override
        public OrderId convert(Long source) {
            return new OrderId(source);
        }
    }

    @Configuration
    @EnableClickHouseRepositories(basePackageClasses = OrderRepository.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                    type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                    classes = OrderRepository.class))
    @EnableClickHouseAuditing(auditorAwareRef = "auditor", dateTimeProviderRef = "clock")
    static class Config {

        @Bean
        AuditorAware<String> auditor() {
            return () -> Optional.of("alice");
        }

        @Bean
        DateTimeProvider clock() {
            return () -> Optional.<TemporalAccessor>of(NOW);
        }

        /** Runs after auditing (order 100): sees createdBy set, and trims the customer. */
        @Bean
        @org.springframework.core.annotation.Order(200)
        BeforeConvertCallback<Order> trimCustomer() {
            return new BeforeConvertCallback<>() {
                @Override
                public Order onBeforeConvert(Order o, String table) {
                    return new Order(o.id(), o.amount(), o.customer().strip() + "/" + o.createdBy() + "@" + table,
                            o.createdAt(), o.createdBy());
                }
            };
        }

        @Bean
        BeforeSaveCallback<Order> upperCase() {
            return new BeforeSaveCallback<>() {
                @Override
                public Order onBeforeSave(Order o, String table) {
                    return new Order(o.id(), o.amount(), o.customer().toUpperCase(java.util.Locale.ROOT),
                            o.createdAt(), o.createdBy());
                }
            };
        }

        @Bean
        AfterConvertCallback<Order> countReads() {
            return new AfterConvertCallback<>() {
                @Override
                public Order onAfterConvert(Order o, String table) {
                    READS.incrementAndGet();
                    return o;
                }
            };
        }
    }

    private static ClickHouseClient client;
    private static AnnotationConfigApplicationContext context;
    private static ClickHouseTemplate template;
    private static OrderRepository orders;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void start(EngineTarget engine) {
        client = ClickHouseClient.builder().url(engine.url()).maxConnectionsTotal(1).maxConnectionsPerRoute(1).build();
        ClickHouseCustomConversions conversions = new ClickHouseCustomConversions(List.of(MoneyToLong.INSTANCE,
                LongToMoney.INSTANCE, IdToLong.INSTANCE, LongToId.INSTANCE));
        ClickHouseMappingContext mapping = new ClickHouseMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        ClickHouseTemplate t = new ClickHouseTemplate(client, mapping, conversions);
        t.execute("CREATE TABLE orders (id Int64, amount Int64, customer String, created_at Nullable(DateTime), "
                + "created_by Nullable(String)) ENGINE = MergeTree ORDER BY id");
        context = new AnnotationConfigApplicationContext();
        context.registerBean("clickHouseTemplate", ClickHouseTemplate.class, () -> t);
        context.register(Config.class);
        context.refresh();
        template = context.getBean(ClickHouseTemplate.class);
        orders = context.getBean(OrderRepository.class);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        context.close();
        client.close();
    }

    @BeforeEach
    void clean() {
        orders.deleteAll();
    }

    private static Order order(long id, long cents) {
        return new Order(new OrderId(id), new Money(cents), " bob ");
    }

    @Test
    void valueTypesAreStoredAsTheirColumnValuesAndReadBack() {
        orders.saveAll(List.of(order(1, 150), order(2, 2500), order(3, 99)));
        // the raw columns: plain numbers
        assertThat(template.queryForList("SELECT amount FROM orders ORDER BY id", Long.class))
                .containsExactly(150L, 2500L, 99L);
        assertThat(orders.findById(new OrderId(2))).get().extracting(Order::amount).isEqualTo(new Money(2500));
        assertThat(orders.findByAmountGreaterThanOrderById(new Money(100))).map(Order::id)
                .containsExactly(new OrderId(1), new OrderId(2));
        assertThat(orders.findByIdInOrderById(List.of(new OrderId(3), new OrderId(1)))).map(Order::amount)
                .containsExactly(new Money(150), new Money(99));
        assertThat(orders.atLeast(new Money(2500))).map(Order::id).containsExactly(new OrderId(2));
        assertThat(template.sql("SELECT ?fields FROM orders WHERE id IN :ids ORDER BY id")
                .param("ids", List.of(new OrderId(2), new OrderId(3))).query(Order.class).list())
                .map(Order::amount).containsExactly(new Money(2500), new Money(99));
    }

    @Test
    void theInserterTheTemplateBuildsConvertsToo() {
        try (Inserter<Order> inserter = template.inserter(Order.class).build()) {
            inserter.write(new Order(new OrderId(7), new Money(700), "carol", NOW, "x"));
            inserter.flush();
        }
        assertThat(template.queryForList("SELECT amount FROM orders WHERE id = 7", Long.class)).containsExactly(700L);
        assertThat(orders.findById(new OrderId(7))).get().extracting(Order::customer).isEqualTo("carol");
    }

    @Test
    void callbacksAndAuditingRunOnInsertAndRead() {
        Order saved = orders.save(order(1, 10));
        // auditing (a new record instance), then the BeforeConvert callback of order 200, then BeforeSave
        assertThat(saved.createdAt()).isEqualTo(NOW);
        assertThat(saved.createdBy()).isEqualTo("alice");
        assertThat(saved.customer()).isEqualTo("BOB/ALICE@ORDERS");
        assertThat(template.queryForList("SELECT created_by FROM orders", String.class)).containsExactly("alice");
        assertThat(template.queryForList("SELECT customer FROM orders", String.class))
                .containsExactly("BOB/ALICE@ORDERS");

        List<Order> savedAll = orders.saveAll(List.of(order(2, 20), order(3, 30)));
        assertThat(savedAll).allSatisfy(o -> assertThat(o.createdBy()).isEqualTo("alice"));

        int before = READS.get();
        assertThat(orders.findAll()).hasSize(3);
        assertThat(READS.get() - before).isEqualTo(3);
    }
}
