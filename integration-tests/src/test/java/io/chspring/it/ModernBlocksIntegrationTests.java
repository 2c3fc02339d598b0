package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.block.Block;
import io.chspring.client.block.BooleanColumn;
import io.chspring.client.block.FloatColumn;
import io.chspring.client.block.MapColumn;
import io.chspring.client.block.ObjectColumn;
import io.chspring.client.query.BlockCursor;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Column blocks of the types only a modern engine has (18.16 has none of them), on the embedded 26.5, read from a
 * table; and JSON, which blocks do not read, refused with the column's name.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class ModernBlocksIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE modern (id UInt8, i128 Int128, flag Bool, day Date32, at DateTime64(3, 'UTC'), "
                + "ip4 IPv4, ip6 IPv6, bf BFloat16, attrs Map(String, UInt64), choice Variant(String, Int64), "
                + "tag LowCardinality(Nullable(String))) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO modern VALUES (1, -170141183460469231731687303715884105728, true, '1900-01-01', "
                + "'2024-05-06 07:08:09.123', '10.0.0.1', '2001:db8::1', 2.5, {'a': 1, 'b': 18446744073709551615}, "
                + "'text', 'x'), (2, 7, false, '2299-12-31', '1970-01-01 00:00:00.000', '0.0.0.0', '::', -0.5, {}, "
                + "42, NULL), (3, 0, true, '2000-02-29', '2000-01-01 00:00:00.001', '255.255.255.255', '::ffff:1.2.3.4', "
                + "0, {'c': 3}, NULL, 'x')");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void modernTypesReadAsColumns() throws Exception {
        try (BlockCursor cursor = client.query("SELECT * FROM modern ORDER BY id").fetchBlocks()) {
            Block block = cursor.next();
            assertThat(cursor.hasNext()).isFalse();
            assertThat(block.rows()).isEqualTo(3);
            assertThat(((ObjectColumn) block.column("i128")).values()).containsExactly(
                    BigInteger.ONE.shiftLeft(127).negate(), BigInteger.valueOf(7), BigInteger.ZERO);
            assertThat(((BooleanColumn) block.column("flag")).values()).containsExactly(true, false, true);
            assertThat(((ObjectColumn) block.column("day")).values()).containsExactly(LocalDate.of(1900, 1, 1),
                    LocalDate.of(2299, 12, 31), LocalDate.of(2000, 2, 29));
            assertThat(((ObjectColumn) block.column("at")).values()).containsExactly(
                    Instant.parse("2024-05-06T07:08:09.123Z"), Instant.EPOCH, Instant.parse("2000-01-01T00:00:00.001Z"));
            assertThat(((ObjectColumn) block.column("ip4")).values()).containsExactly(
                    InetAddress.getByName("10.0.0.1"), InetAddress.getByName("0.0.0.0"),
                    InetAddress.getByName("255.255.255.255"));
            assertThat(block.column("ip6").value(0)).isEqualTo(InetAddress.getByName("2001:db8::1"));
            assertThat(((FloatColumn) block.column("bf")).values()).containsExactly(2.5f, -0.5f, 0f);
            MapColumn attrs = (MapColumn) block.column("attrs");
            assertThat(attrs.offsets()).containsExactly(0, 2, 2, 3);
            assertThat(attrs.value(0)).isEqualTo(Map.of("a", BigInteger.ONE,
                    "b", new BigInteger("18446744073709551615")));
            ObjectColumn choice = (ObjectColumn) block.column("choice");
            assertThat(choice.values()).containsExactly("text", 42L, null);
            assertThat(choice.nulls().stream().toArray()).containsExactly(2);
            ObjectColumn tag = (ObjectColumn) block.column("tag");
            assertThat(Arrays.asList(tag.values())).containsExactly("x", null, "x");
            assertThat(tag.isNull(1)).isTrue();
        }
    }

    @Test
    void jsonIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> client.query("SELECT 1 AS id, '{\"a\": 1}'::JSON AS doc").fetchBlocks())
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("column 'doc' (JSON)")
                .hasMessageContaining("cast the column to String");
        assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1); // the refused response was released
    }
}
