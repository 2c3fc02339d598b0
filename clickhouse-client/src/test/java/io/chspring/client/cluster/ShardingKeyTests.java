package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.type.ClickHouseType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's shard choice against what a real 18.16 Distributed table did with the same rows: every line of
 * {@code golden/cluster/distributed-shards-18.16.tsv} (made by {@code tools/distributed-shards/golden.sh} on a
 * cluster of three shards weighted 2, 3, 1) gives a type, the sharding expression, a value, the server's value of
 * the expression and the shard the row landed on.
 */
class ShardingKeyTests {

    private static final ShardSlots WEIGHTS_2_3_1 = ShardSlots.of(List.of(2, 3, 1));

    record Golden(ClickHouseType type, String expression, String value, String keyValue, int shard) {
    }

    static List<Golden> golden() throws IOException {
        List<Golden> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ShardingKeyTests.class.getResourceAsStream(
                "/golden/cluster/distributed-shards-18.16.tsv"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", -1);
                rows.add(new Golden(ClickHouseType.parse(f[0]), f[1], f[2], f[3], Integer.parseInt(f[4])));
            }
        }
        return rows;
    }

    private static Object javaValue(Golden g) {
        return switch (g.type().kind()) {
            case STRING -> g.value();
            case UINT64 -> new BigInteger(g.value());
            default -> Long.parseLong(g.value());
        };
    }

    @Test
    void everyGoldenRowLandsOnTheShardTheServerChose() throws IOException {
        List<Golden> rows = golden();
        assertThat(rows).hasSizeGreaterThan(200);
        for (Golden g : rows) {
            ShardingKey key = ShardingKey.parse(g.expression());
            key.checkColumnType(g.type());
            long k = key.evaluate(javaValue(g), g.type());
            if (g.expression().startsWith("cityHash64")) {
                assertThat(Long.toUnsignedString(k)).as("cityHash64 of %s %s", g.type(), g.value())
                        .isEqualTo(g.keyValue());
            }
            assertThat(WEIGHTS_2_3_1.shardOf(k) + 1).as("shard of %s %s by %s", g.type(), g.value(), g.expression())
                    .isEqualTo(g.shard());
        }
    }

    @Test
    void everySupportedFormIsCovered() throws IOException {
        assertThat(golden()).extracting(Golden::expression).contains("v", "cityHash64(v)");
        assertThat(golden()).extracting(g -> g.type().toString())
                .contains("UInt8", "UInt16", "UInt32", "UInt64", "Int8", "Int16", "Int32", "Int64", "String");
    }

    @Test
    void parsesTheFormsTheEngineShowsInItsDefinition() {
        assertThat(ShardingKey.parse("id").column()).contains("id");
        assertThat(ShardingKey.parse("`user id`").column()).contains("user id");
        assertThat(ShardingKey.parse("cityHash64(user_id)").column()).contains("user_id");
        assertThat(ShardingKey.parse(" cityHash64( `u` ) ").column()).contains("u");
        assertThat(ShardingKey.parse("rand()").isRandom()).isTrue();
        assertThat(ShardingKey.parse("rand()").column()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id % 10", "cityHash64(a, b)", "sipHash64(id)", "intHash32(id)", "rand(1)", "toYYYYMM(d)"})
    void refusesWhatItCannotComputeNamingTheExpression(String expression) {
        assertThatThrownBy(() -> ShardingKey.parse(expression))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'" + expression + "'")
                .hasMessageContaining("Distributed table");
    }

    @Test
    void refusesColumnTypesItCannotRouteNamingTheColumn() {
        assertThatThrownBy(() -> ShardingKey.parse("name").checkColumnType(ClickHouseType.parse("String")))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'name'")
                .hasMessageContaining("String");
        assertThatThrownBy(() -> ShardingKey.parse("cityHash64(x)").checkColumnType(ClickHouseType.parse("Float64")))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("Float64");
        assertThatThrownBy(() -> ShardingKey.parse("id").checkColumnType(ClickHouseType.parse("Nullable(UInt64)")))
                .isInstanceOf(ClickHouseConfigurationException.class);
    }

    @Test
    void weightZeroShardsGetNothingAndBadWeightsAreRefused() {
        ShardSlots slots = ShardSlots.of(List.of(1, 0, 1));
        for (long k = 0; k < 100; k++) {
            assertThat(slots.shardOf(k)).isNotEqualTo(1);
        }
        assertThat(slots.shardOf(-1L)).isEqualTo(1 == Long.remainderUnsigned(-1L, 2) ? 2 : 0);
        assertThatThrownBy(() -> ShardSlots.of(List.of(0, 0))).isInstanceOf(ClickHouseConfigurationException.class);
        assertThatThrownBy(() -> ShardSlots.of(List.of(1, -1))).isInstanceOf(ClickHouseConfigurationException.class);
    }
}
