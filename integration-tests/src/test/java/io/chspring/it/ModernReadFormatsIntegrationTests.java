package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.rowbinary.ReadFormat;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Read formats of the types 18.16 does not have (IPv4, IPv6, Date32, Map), on the embedded 26.5.
 * IPv6 text is compared with the engine's own {@code toString}, and with values worked out by hand.
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class ModernReadFormatsIntegrationTests {

    private static ClickHouseClient client;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        client = ClickHouseClient.fromUrl(engine.url());
        client.execute("CREATE TABLE m (id UInt8, ip4 IPv4, ip6 IPv6, d32 Date32, lc Nullable(IPv4), "
                + "kv Map(String, IPv6)) ENGINE = MergeTree ORDER BY id");
        client.execute("INSERT INTO m VALUES "
                + "(1, '1.2.3.4', '2001:db8::1', '1900-01-01', '10.0.0.1', {'a': '::ffff:1.2.3.4'}), "
                + "(2, '255.255.255.255', '2001:db8:0:0:1:0:0:1', '2299-12-31', NULL, {'b': '::'}), "
                + "(3, '0.0.0.0', '::ffff:1.2.3.4', '1970-01-01', NULL, {'c': 'fe80::1:2'})");
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void addressesAndDatesAsText() {
        List<Map<String, Object>> rows = client.query("SELECT ip4, ip6, d32, lc, kv FROM m ORDER BY id")
                .readFormat("IPv4", ReadFormat.STRING).readFormat("IPv6", ReadFormat.STRING)
                .readFormat("Date32", ReadFormat.STRING).fetchMaps();
        assertThat(rows).extracting(r -> r.get("ip4")).containsExactly("1.2.3.4", "255.255.255.255", "0.0.0.0");
        assertThat(rows).extracting(r -> r.get("ip6")).containsExactly("2001:db8::1", "2001:db8::1:0:0:1",
                "::ffff:1.2.3.4");
        assertThat(rows).extracting(r -> r.get("d32")).containsExactly("1900-01-01", "2299-12-31", "1970-01-01");
        assertThat(rows).extracting(r -> r.get("lc")).containsExactly("10.0.0.1", null, null);
        assertThat(rows).extracting(r -> r.get("kv")).containsExactly(Map.of("a", "::ffff:1.2.3.4"),
                Map.of("b", "::"), Map.of("c", "fe80::1:2"));
    }

    @Test
    void ipv6TextIsTheEnginesOwn() {
        client.execute("CREATE TABLE six (a IPv6) ENGINE = Memory");
        client.execute("INSERT INTO six VALUES ('::'), ('::1'), ('1::'), ('1:0:0:2::3'), ('1:0:2:0:0:3:0:0'), "
                + "('::1.2.3.4'), ('::ffff:0.0.0.0'), ('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), ('0:0:1::'), "
                + "('2001:db8:85a3::8a2e:370:7334'), ('::ffff:ffff:1.2.3.4')");
        List<String> ours = client.query("SELECT a FROM six").readFormat("IPv6", ReadFormat.STRING)
                .fetchAll(String.class);
        List<String> engines = client.query("SELECT toString(a) FROM six").fetchAll(String.class);
        assertThat(ours).hasSize(11).isEqualTo(engines);
    }

    @Test
    void addressesAndDatesAsNumbers() {
        List<Object[]> rows = client.query("SELECT ip4, d32 FROM m ORDER BY id")
                .readFormat("IPv4", ReadFormat.NUMBER).readFormat("Date32", ReadFormat.NUMBER)
                .fetchAll(Object[].class);
        // 1.2.3.4 = 1 * 2^24 + 2 * 2^16 + 3 * 2^8 + 4; 1900-01-01 is 70 * 365 + 17 leap days before 1970
        assertThat(rows).containsExactly(new Object[] {16909060L, -25567}, new Object[] {4294967295L, 120529},
                new Object[] {0L, 0});
    }

    record Hosts(String ip4, String ip6, InetAddress lc) {
    }

    @Test
    void typedStringFieldsForAddresses() {
        assertThat(client.query("SELECT ip4, ip6, lc FROM m WHERE id = 1").fetchOne(Hosts.class).ip6())
                .isEqualTo("2001:db8::1");
        assertThat(client.query("SELECT ip4, ip6, lc FROM m WHERE id = 2").fetchOne(Hosts.class).ip4())
                .isEqualTo("255.255.255.255");
    }
}
