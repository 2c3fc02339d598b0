package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.rowbinary.TimeZoneRule;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseUrlTests {

    private static ClickHouseClientConfig parse(String url) {
        return ClickHouseClient.builder().url(url).buildConfig();
    }

    @Test
    void fullUrlWithCredentialsDatabaseOptionsAndSettings() {
        ClickHouseClientConfig c = parse("http://alice:secret@db.example.com:8124/analytics"
                + "?compression=none&connect_timeout=2500&socket_timeout=90s&max_connections=8"
                + "&max_connections_per_route=4&max_threads=4&readonly=2");
        assertThat(c.endpoint().uri()).isEqualTo(URI.create("http://db.example.com:8124"));
        assertThat(c.user()).contains("alice");
        assertThat(c.password()).contains("secret");
        assertThat(c.database()).contains("analytics");
        assertThat(c.compression()).isEqualTo(Compression.NONE);
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.responseTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.maxConnectionsTotal()).isEqualTo(8);
        assertThat(c.maxConnectionsPerRoute()).isEqualTo(4);
        assertThat(c.settings()).containsExactly(Map.entry("max_threads", "4"), Map.entry("readonly", "2"));
    }

    @Test
    void defaultsWhenTheUrlIsBare() {
        ClickHouseClientConfig c = parse("http://localhost");
        assertThat(c.endpoint().uri()).isEqualTo(URI.create("http://localhost:8123"));
        assertThat(c.user()).isEmpty();
        assertThat(c.password()).isEmpty();
        assertThat(c.database()).isEmpty();
        assertThat(c.compression()).isEqualTo(Compression.LZ4);
        assertThat(c.settings()).isEmpty();
        assertThat(c.connectTimeout()).isEqualTo(ClickHouseClientConfig.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void timeZoneRuleIsAClientOptionAndSessionTimezoneASetting() {
        ClickHouseClientConfig config = parse("http://h/db?time_zone_rule=Column&session_timezone=Asia/Kolkata");
        assertThat(config.timeZoneRule()).isEqualTo(TimeZoneRule.COLUMN);
        assertThat(config.settings()).containsExactly(Map.entry("session_timezone", "Asia/Kolkata"));
        assertThat(config.toString()).contains("timeZoneRule=column");
        assertThat(parse("http://h").timeZoneRule()).isEqualTo(TimeZoneRule.UTC);
        assertThat(parse("http://h").toString()).doesNotContain("timeZoneRule");
        assertThatThrownBy(() -> parse("http://h?time_zone_rule=local"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'time_zone_rule'")
                .hasMessageContaining("'local'").hasMessageContaining("utc, server or column");
        assertThat(ClickHouseClient.builder().url("http://h").sessionTimeZone(java.time.ZoneId.of("Asia/Tokyo"))
                .buildConfig().settings()).containsEntry("session_timezone", "Asia/Tokyo");
    }

    @ParameterizedTest
    @CsvSource({
        "http://h, http://h:8123",
        "https://h, https://h:8443",
        "HTTPS://h/, https://h:8443",
        "http://h:9999/, http://h:9999",
        "https://h:8123, https://h:8123",
        "http://h?ssl=true, https://h:8443",
        "http://h:8123?secure=1, https://h:8123",
        "http://[::1]:8124/db, http://[::1]:8124",
        "http://[2001:db8::7], http://[2001:db8::7]:8123",
        "http://127.0.0.1:18500, http://127.0.0.1:18500"})
    void endpointPortsAndSchemes(String url, String endpoint) {
        assertThat(parse(url).endpoint().uri()).isEqualTo(URI.create(endpoint));
    }

    @Test
    void percentDecodesUserPasswordAndDatabase() {
        ClickHouseClientConfig c = parse("http://us%65r%40corp:p%40ss%3Aw%2Fo%23rd%20%E2%82%AC+x@h/my%2Ddb");
        assertThat(c.user()).contains("user@corp");
        assertThat(c.password()).contains("p@ss:w/o#rd €+x");
        assertThat(c.database()).contains("my-db");
    }

    @Test
    void passwordMayContainAColonAndBeEmpty() {
        assertThat(parse("http://u:a:b@h").password()).contains("a:b");
        ClickHouseClientConfig empty = parse("http://u:@h");
        assertThat(empty.user()).contains("u");
        assertThat(empty.password()).contains("");
        assertThat(parse("http://u@h").password()).isEmpty();
    }

    @Test
    void queryKeysAndValuesArePercentDecodedAndKeepTheirOrder() {
        ClickHouseClientConfig c = parse("http://h/?z_setting=1&max_result_rows=10&result_overflow_mode=br%65ak"
                + "&http_headers_progress_interval_ms=100");
        assertThat(c.settings().keySet())
                .containsExactly("z_setting", "max_result_rows", "result_overflow_mode", "http_headers_progress_interval_ms");
        assertThat(c.settings()).containsEntry("result_overflow_mode", "break");
    }

    @Test
    void queryUserAndPasswordWinOverUserInfo() {
        ClickHouseClientConfig c = parse("http://a:b@h?user=carol&password=c%26d");
        assertThat(c.user()).contains("carol");
        assertThat(c.password()).contains("c&d");
    }

    @Test
    void databaseAsKey() {
        assertThat(parse("http://h?database=logs").database()).contains("logs");
        assertThatThrownBy(() -> parse("http://h/a?database=b"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'database'");
    }

    @Test
    void sessionForTheWholeClient() {
        ClickHouseClientConfig config = parse("http://h/db?session_id=s-1&session_timeout=90");
        assertThat(config.sessionId()).contains("s-1");
        assertThat(config.sessionTimeout()).contains(Duration.ofSeconds(90)); // seconds when bare, as the server reads it
        assertThat(config.settings()).isEmpty();
        assertThat(parse("http://h?session_id=s&session_timeout=2m").sessionTimeout()).contains(Duration.ofMinutes(2));
        assertThat(parse("http://h").sessionId()).isEmpty();
        assertThatThrownBy(() -> parse("http://h?session_timeout=10"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("no session id");
        assertThatThrownBy(() -> parse("http://h?session_id=%20"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("session id is blank");
    }

    @ParameterizedTest
    @CsvSource({"1500, PT1.5S", "250ms, PT0.25S", "10s, PT10S", "2m, PT2M", "1h, PT1H", "PT3S, PT3S"})
    void durations(String value, String expected) {
        assertThat(parse("http://h?connect_timeout=" + value).connectTimeout()).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "http://h?connect_timeout=soon | 'connect_timeout'",
        "http://h?socket_timeout=-5 | 'socket_timeout'",
        "http://h?max_connections=many | 'max_connections'",
        "http://h?compression=gzip | must be lz4, lz4hc, zstd or none, not 'gzip'",
        "http://h?compression_level=high | 'compression_level' must be an integer",
        "http://h?ssl=maybe | 'ssl'",
        "http://h?max_threads | 'max_threads'",
        "http://h?max_threads=1&max_threads=2 | 'max_threads' is given twice",
        "http://h?query_id=x | 'query_id'",
        "http://h?session_check=1 | 'session_check'",
        "http://h?compress=1 | 'compress'",
        "http://h?param_x=1 | 'param_x'",
        "http://h?bad-key=1 | 'bad-key'",
        "http://h?max_connections=0 | maxConnectionsTotal",
        "https://h?ssl=false | 'ssl'",
        "http://h/a/b | single database name",
        "ftp://h | 'ftp'",
        "h:8123 | 'h'",
        "localhost | expected http:// or https://",
        "http://my_host:8123 | no valid host",
        "http://h/db%zz | Malformed escape pair"})
    void badInputNamesTheKeyOrPart(String url, String expected) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void chdbSchemeWithoutTheEmbeddedModuleSaysWhatToAdd() {
        assertThatThrownBy(() -> parse("chdb:/tmp/data"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("add the io.chspring:clickhouse-embedded module to the classpath");
    }

    @Test
    void blankUrlIsRejected() {
        assertThatThrownBy(() -> parse("  ")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "http://alice:S3cr3tPw@h:80 80/db",
        "http://alice:S3cr3tPw@h/db#frag",
        "http://alice:S3cr3tPw%zz@h/db",
        "http://alice:S3cr3tPw%C3%28@h/db",
        "http://alice:S3cr3tPw@h:8123/a/b",
        "http://alice:S3cr3tPw@h?max_threads=1&max_threads=2",
        "http://alice:S3cr3tPw@my_host/db",
        "http://alice:S3cr3tPw@h?compression=S3cr3tPw2"})
    void thePasswordNeverAppearsInErrors(String url) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("S3cr3tPw%").doesNotContain("S3cr3tPw@")
                            .doesNotContain(":S3cr3tPw");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        ClickHouseClientConfig c = parse("http://alice:S3cr3tPw@h/db?max_threads=2");
        assertThat(c.toString()).doesNotContain("S3cr3tPw").contains("password=***").contains("alice")
                .contains("max_threads=2");
    }

    @Test
    void laterBuilderCallsOverrideTheUrl() {
        ClickHouseClientConfig c = ClickHouseClient.builder().url("http://a:b@h/db1?compression=none")
                .database("db2").compression(Compression.LZ4).buildConfig();
        assertThat(c.database()).contains("db2");
        assertThat(c.compression()).isEqualTo(Compression.LZ4);
    }

    @Test
    void severalHostsBecomeEndpointsWithThePolicyAndTheRestOfTheUrl() {
        ClickHouseClientConfig c = parse("http://alice:secret@h1:8123,h2,[::1]:9000/analytics?load_balancing=least_requests"
                + "&cluster=c&max_threads=4");
        assertThat(c.endpoints()).extracting(e -> e.uri().toString())
                .containsExactly("http://h1:8123", "http://h2:8123", "http://[::1]:9000");
        assertThat(c.endpoint().uri()).isEqualTo(URI.create("http://h1:8123"));
        assertThat(c.loadBalancing()).isEqualTo(io.chspring.client.cluster.LoadBalancing.LEAST_IN_FLIGHT);
        assertThat(c.cluster()).contains("c");
        assertThat(c.user()).contains("alice");
        assertThat(c.database()).contains("analytics");
        assertThat(c.settings()).containsExactly(Map.entry("max_threads", "4"));
        assertThat(c.toString()).doesNotContain("secret").contains("least_in_flight");
    }

    @Test
    void httpsAndTheSslKeyApplyToEveryHost() {
        assertThat(parse("https://h1,h2:9443").endpoints()).extracting(e -> e.uri().toString())
                .containsExactly("https://h1:8443", "https://h2:9443");
        assertThat(parse("http://h1,h2?ssl=true").endpoints()).extracting(e -> e.uri().toString())
                .containsExactly("https://h1:8443", "https://h2:8443");
    }

    @Test
    void oneHostKeepsLoadBalancingAsTheServerSettingItAlwaysWas() {
        ClickHouseClientConfig c = parse("http://h1:8123?load_balancing=nearest_hostname");
        assertThat(c.endpoints()).hasSize(1);
        assertThat(c.settings()).containsExactly(Map.entry("load_balancing", "nearest_hostname"));
        assertThat(c.loadBalancing()).isEqualTo(io.chspring.client.cluster.LoadBalancing.ROUND_ROBIN);
    }

    @Test
    void badHostListsAreNamed() {
        assertThatThrownBy(() -> parse("http://h1:8123,h2:x/db")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("Endpoint 2 of the ClickHouse URL ('h2:x') is malformed");
        assertThatThrownBy(() -> parse("http://h1,https://h2")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("all endpoints must use one scheme");
        assertThatThrownBy(() -> parse("http://h1,h2?load_balancing=fastest"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'fastest'");
        assertThatThrownBy(() -> parse("http://h1,h1/db")).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ClickHouseClient.builder().endpointUrls(java.util.List.of("http://a:8123",
                "https://b:8443")).buildConfig()).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("Endpoint 2 (https://b:8443)");
    }

    @Test
    void compressionMethodAndLevelInEitherOrder() {
        ClickHouseClientConfig zstd = parse("http://h/db?compression=zstd&compression_level=7");
        assertThat(zstd.compression()).isEqualTo(Compression.ZSTD);
        assertThat(zstd.compressionLevel()).isEqualTo(7);
        ClickHouseClientConfig hc = parse("http://h/db?compression_level=12&compression=LZ4HC");
        assertThat(hc.compression()).isEqualTo(Compression.LZ4HC);
        assertThat(hc.compressionLevel()).isEqualTo(12);
        assertThat(hc.toString()).contains("compression=LZ4HC(12)");
        assertThat(parse("http://h/db?compression=zstd").compressionLevel()).isZero();
    }

    @Test
    void aBadLevelFailsWhenTheClientIsBuiltNamingIt() {
        assertThatThrownBy(() -> ClickHouseClient.fromUrl("http://h/db?compression=zstd&compression_level=30"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("ZSTD compression level must be between -7 and 22").hasMessageContaining("not 30");
        assertThatThrownBy(() -> ClickHouseClient.fromUrl("http://h/db?compression=lz4&compression_level=3"))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("compression level 3 is set but compression LZ4 has no levels");
    }
}
