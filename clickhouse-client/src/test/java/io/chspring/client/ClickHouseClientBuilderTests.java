package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHouseClientBuilderTests {

    private static ClickHouseClientBuilder local() {
        return ClickHouseClient.builder().endpoint("http://127.0.0.1:8123");
    }

    @Test
    void fromEnvReadsUrlAndLetsUserAndPasswordOverrideIt() {
        ClickHouseClientConfig c = ClickHouseClient.builder().env(Map.of(
                "CLICKHOUSE_URL", "https://urluser:urlpass@ch.internal/metrics?max_threads=2",
                "CLICKHOUSE_USER", "envuser",
                "CLICKHOUSE_PASSWORD", "envpass")).buildConfig();
        assertThat(c.endpoint()).hasToString("https://ch.internal:8443");
        assertThat(c.user()).contains("envuser");
        assertThat(c.password()).contains("envpass");
        assertThat(c.database()).contains("metrics");
        assertThat(c.settings()).containsEntry("max_threads", "2");
    }

    @Test
    void fromEnvKeepsTheUrlCredentialsWhenTheVariablesAreAbsent() {
        ClickHouseClientConfig c = ClickHouseClient.builder()
                .env(Map.of("CLICKHOUSE_URL", "http://urluser:urlpass@h")).buildConfig();
        assertThat(c.user()).contains("urluser");
        assertThat(c.password()).contains("urlpass");
    }

    @Test
    void fromEnvAcceptsAnEmptyPasswordVariable() {
        ClickHouseClientConfig c = ClickHouseClient.builder()
                .env(Map.of("CLICKHOUSE_URL", "http://u:p@h", "CLICKHOUSE_PASSWORD", "")).buildConfig();
        assertThat(c.password()).contains("");
    }

    @Test
    void fromEnvWithoutUrlNamesTheVariable() {
        assertThatThrownBy(() -> ClickHouseClient.fromEnv(Map.of("CLICKHOUSE_USER", "u")))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("CLICKHOUSE_URL");
        assertThatThrownBy(() -> ClickHouseClient.fromEnv(Map.of("CLICKHOUSE_URL", " ")))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("CLICKHOUSE_URL");
    }

    @Test
    void fromEnvWithABadUrlNamesTheVariableAndNotThePassword() {
        assertThatThrownBy(() -> ClickHouseClient.fromEnv(Map.of("CLICKHOUSE_URL", "http://u:Hunter2@h?max_connections=x")))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("CLICKHOUSE_URL")
                .hasMessageContaining("'max_connections'")
                .hasMessageNotContaining("Hunter2");
    }

    @Test
    void settingValuesBecomeText() {
        ClickHouseClientConfig c = local().setting("enable_http_compression", true)
                .setting("use_uncompressed_cache", false).setting("max_threads", 4)
                .setting("max_memory_usage", new BigDecimal("1E+10")).setting("load_balancing", "random")
                .buildConfig();
        assertThat(c.settings()).containsExactly(Map.entry("enable_http_compression", "1"),
                Map.entry("use_uncompressed_cache", "0"), Map.entry("max_threads", "4"),
                Map.entry("max_memory_usage", "10000000000"), Map.entry("load_balancing", "random"));
    }

    @Test
    void settingsKeepTheirOrderAndTheConfigIsImmutable() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("b_setting", 1);
        in.put("a_setting", 2);
        ClickHouseClientConfig c = local().settings(in).buildConfig();
        assertThat(c.settings().keySet()).containsExactly("b_setting", "a_setting");
        assertThatThrownBy(() -> c.settings().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        in.put("c_setting", 3);
        assertThat(c.settings()).hasSize(2);
    }

    @Test
    void reservedOrMalformedSettingsAreRefusedByName() {
        assertThatThrownBy(() -> local().setting("query_id", "x"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'query_id'")
                .hasMessageContaining("queryId");
        assertThatThrownBy(() -> local().setting("param_id", 1))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("Query.param(\"id\"");
        assertThatThrownBy(() -> local().setting("max threads", 1))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'max threads'");
        assertThatThrownBy(() -> local().setting("max_threads", null))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'max_threads'");
    }

    @Test
    void validationNamesTheOption() {
        assertThatThrownBy(() -> ClickHouseClient.builder().buildConfig())
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> local().maxConnectionsTotal(0).buildConfig())
                .hasMessageContaining("maxConnectionsTotal");
        assertThatThrownBy(() -> local().maxConnectionsTotal(4).maxConnectionsPerRoute(8).buildConfig())
                .hasMessageContaining("maxConnectionsPerRoute (8) exceeds maxConnectionsTotal (4)");
        assertThatThrownBy(() -> local().connectTimeout(Duration.ofSeconds(-1)).buildConfig())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> local().responseTimeout(null).buildConfig())
                .hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> local().database(" ").buildConfig()).hasMessageContaining("database");
        assertThatThrownBy(() -> local().endpoint("ftp://h").buildConfig()).hasMessageContaining("scheme");
        assertThatThrownBy(() -> local().endpoint("http://h?x=1").buildConfig()).hasMessageContaining("query");
        assertThatThrownBy(() -> local().trustCertificates(Path.of("/ca.pem")).buildConfig())
                .hasMessageContaining("TLS options").hasMessageContaining("https");
        assertThatThrownBy(() -> local().header("Authorization", "Basic x"))
                .hasMessageContaining("'Authorization'");
        assertThatThrownBy(() -> local().header("bad header", "x")).hasMessageContaining("'bad header'");
    }

    @Test
    void bearerTokenExcludesAPasswordWithoutEchoingEither() {
        assertThatThrownBy(() -> local().credentials("u", "Pw-123").bearerToken("Tok-456").buildConfig())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("bearerToken").hasMessageContaining("password")
                .hasMessageNotContaining("Pw-123").hasMessageNotContaining("Tok-456");
    }

    @Test
    void endpointWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ClickHouseClient.builder().endpoint("http://u:Pw-123@h:8123").buildConfig())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("credentials").hasMessageNotContaining("Pw-123");
    }

    @Test
    void toStringHidesSecretsAndHeaderValues() {
        ClickHouseClientConfig c = ClickHouseClient.builder().endpoint("https://h:8443").credentials("u", "Pw-123")
                .header("X-Api-Key", "Key-789")
                .trustStore(Path.of("/ts.p12"), "Store-000".toCharArray(), "PKCS12").buildConfig();
        assertThat(c.toString()).doesNotContain("Pw-123").doesNotContain("Key-789").doesNotContain("Store-000")
                .contains("password=***").contains("X-Api-Key").contains("/ts.p12");
        ClickHouseClientConfig token = local().bearerToken("Tok-456").buildConfig();
        assertThat(token.toString()).doesNotContain("Tok-456").contains("bearerToken=***");
    }

    @Test
    void keyStorePasswordsAreCopied() {
        char[] password = "Store-000".toCharArray();
        ClickHouseClientConfig c = ClickHouseClient.builder().endpoint("https://h")
                .keyStore(Path.of("/ks.p12"), password, "PKCS12").buildConfig();
        password[0] = 'X';
        assertThat(c.tls().keyStore().orElseThrow().password()).containsExactly("Store-000".toCharArray());
    }

    @Test
    void toBuilderRoundTrips() {
        ClickHouseClientConfig c = ClickHouseClient.builder().url("https://u:p@h:9440/db?max_threads=3")
                .compression(Compression.NONE).forceResponseCompression(true).header("X-A", "1")
                .insecure(true).userAgent("app/1").buildConfig();
        ClickHouseClientConfig copy = c.toBuilder().buildConfig();
        assertThat(copy.toString()).isEqualTo(c.toString());
        assertThat(copy.password()).isEqualTo(c.password());
        assertThat(copy.tls().insecure()).isTrue();
    }
}
