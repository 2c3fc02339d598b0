package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.insert.Insert;
import io.chspring.client.query.RowCursor;
import io.chspring.client.type.ClickHouseColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The column types the mock infers per Java type, and that rows survive the trip through the client both ways. */
class MockRowTypesTests {

    @RegisterExtension
    static final MockClickHouseServer MOCK = MockClickHouseServer.start();

    enum Kind { VIEW, CLICK }

    record Wide(int i, Integer boxed, long l, short s, byte b, double d, float f, boolean flag, String text, UUID uuid,
            LocalDate day, Instant at, LocalDateTime local, Kind kind, List<String> tags, Map<String, Long> counts,
            BigInteger big, Inet4Address ip) {
    }

    record Order(long id, BigDecimal amount) {
    }

    private static Wide wide(int n) throws Exception {
        return new Wide(n, n % 2 == 0 ? null : n, -5L * n, (short) 7, (byte) -3, 1.5, 0.25f, n % 2 == 0, "t" + n,
                new UUID(n, -n), LocalDate.of(1900, 1, 1).plusDays(n), Instant.parse("2262-04-11T23:47:16.854775807Z"),
                LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1), Kind.CLICK, List.of("a", "b"), Map.of("k", (long) n),
                BigInteger.TWO.pow(100).negate(), (Inet4Address) InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) n}));
    }

    @Test
    void typesAreInferredFromTheJavaTypes() throws Exception {
        MOCK.add(Handlers.provide(Wide.class, List.of(wide(1))));

        try (ClickHouseClient client = ClickHouseClient.fromUrl(MOCK.url());
                RowCursor<Wide> cursor = client.query("SELECT ?fields FROM wide").fetch(Wide.class)) {
            assertThat(cursor.columns().stream().map(ClickHouseColumn::toString)).containsExactly(
                    "i Int32", "boxed Nullable(Int32)", "l Int64", "s Int16", "b Int8", "d Float64", "f Float32",
                    "flag Bool", "text Nullable(String)", "uuid Nullable(UUID)", "day Nullable(Date32)",
                    "at Nullable(DateTime64(9, 'UTC'))", "local Nullable(DateTime64(9))",
                    "kind Nullable(Enum8('VIEW' = 1, 'CLICK' = 2))", "tags Array(String)", "counts Map(String, Int64)",
                    "big Nullable(Int256)", "ip Nullable(IPv4)");
            assertThat(cursor.stream().toList()).containsExactly(wide(1));
        }
    }

    @Test
    void everyInferredTypeSurvivesProvideAndRecord() throws Exception {
        List<Wide> rows = List.of(wide(1), wide(2), wide(3));
        MOCK.add(Handlers.provide(Wide.class, rows));
        RecordHandle<Wide> rec = MOCK.add(Handlers.record(Wide.class));

        try (ClickHouseClient client = ClickHouseClient.fromUrl(MOCK.url())) {
            List<Wide> read = client.query("SELECT ?fields FROM wide").fetchAll(Wide.class);
            try (Insert<Wide> insert = client.insert("wide", Wide.class)) {
                read.forEach(insert::write);
                insert.end();
            }
        }
        assertThat(rec.rows()).isEqualTo(rows);
    }

    @Test
    void aTypeThatCannotBeInferredMustBeGiven() {
        assertThatThrownBy(() -> MOCK.add(Handlers.record(Order.class)))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("column 'amount' (java.math.BigDecimal)")
                .hasMessageContaining("withColumnType(\"amount\", \"...\")");
        assertThatThrownBy(() -> MOCK.add(Handlers.record(Order.class).withColumnType("amont", "Decimal(18, 2)")))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("Order maps no property to column 'amont'; its columns are [id, amount]");

        Order order = new Order(7, new BigDecimal("12.50"));
        MOCK.add(Handlers.provide(Order.class, List.of(order)).withColumnType("amount", "Decimal(18, 2)"));
        RecordHandle<Order> rec = MOCK.add(Handlers.record(Order.class).withColumnType("amount", "Decimal(18, 2)"));
        try (ClickHouseClient client = ClickHouseClient.fromUrl(MOCK.url())) {
            List<Order> read = client.query("SELECT ?fields FROM orders").fetchAll(Order.class);
            assertThat(read).containsExactly(order);
            try (Insert<Order> insert = client.insert("orders", Order.class)) {
                insert.write(order);
                insert.end();
            }
        }
        assertThat(rec.rows()).containsExactly(order);
    }

    @Test
    void aRegisteredTableAnswersDescribeAndTypesTheRecordedRows() {
        MOCK.table("orders_wide", "id UInt64", "amount Decimal(38, 4)", "note String DEFAULT ''");
        RecordHandle<Order> rec = MOCK.add(Handlers.record(Order.class).withColumnType("amount", "Decimal(18, 2)"));

        try (ClickHouseClient client = ClickHouseClient.fromUrl(MOCK.url());
                Insert<Order> insert = client.insert("orders_wide", Order.class)) {
            insert.write(new Order(1, new BigDecimal("3.5")));
            insert.end();
        }
        // encoded by the client and decoded by the mock as the registered Decimal(38, 4)
        assertThat(rec.rows()).containsExactly(new Order(1, new BigDecimal("3.5000")));
    }
}
