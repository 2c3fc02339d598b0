package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.transport.HttpTransportOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP transport's options as the client's configuration hands them down, and the checks made on the way. */
class HttpTransportOptionsTests {

    private static final String HTTP = "http://127.0.0.1:8123";
    private static final String HTTPS = "https://127.0.0.1:8443";

    @Test
    void hasTheDocumentedDefaults() {
        HttpTransportOptions o = options(ClickHouseClient.builder().endpoint(HTTP));

        assertThat(o.endpoint().uri()).isEqualTo(URI.create(HTTP));
        assertThat(o.maxConnectionsTotal()).isEqualTo(32);
        assertThat(o.maxConnectionsPerRoute()).isEqualTo(16);
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.responseTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.idleEviction()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.validateAfterInactivity()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.tls().hostnameVerification()).isTrue();
    }

    @Test
    void toStringHidesEverySecret() {
        String text = options(ClickHouseClient.builder().endpoint(HTTPS)
                .credentials("alice", "s3cr3t-pw")
                .header("X-Proxy-Token", "proxy-t0ken")
                .trustStore(Path.of("pom.xml"), "st0re-pw".toCharArray(), "PKCS12")).toString();
        String bearer = options(ClickHouseClient.builder().endpoint(HTTP).bearerToken("b3arer-t0ken")).toString();

        assertThat(text).contains("alice", "X-Proxy-Token", "pom.xml")
                .doesNotContain("s3cr3t-pw", "proxy-t0ken", "st0re-pw");
        assertThat(bearer).contains("bearer(****)").doesNotContain("b3arer-t0ken");
    }

    @Test
    void namesTheOptionAtFault() {
        assertInvalid(ClickHouseClient.builder(), "No endpoint");
        assertInvalid(ClickHouseClient.builder().endpoint("ftp://x:1"), "scheme");
        assertInvalid(ClickHouseClient.builder().endpoint("http://u:p@h:1"), "credentials");
        assertInvalid(ClickHouseClient.builder().endpoint("http://h:1/?user=x"), "query");
        assertInvalid(base().maxConnectionsTotal(0), "maxConnectionsTotal");
        assertInvalid(base().maxConnectionsTotal(4).maxConnectionsPerRoute(8), "maxConnectionsPerRoute");
        assertInvalid(base().connectTimeout(Duration.ZERO), "connectTimeout");
        assertInvalid(base().responseTimeout(Duration.ofSeconds(-1)), "responseTimeout");
        assertInvalid(base().idleEviction(null), "idleEviction");
        assertInvalid(base().validateAfterInactivity(Duration.ofMillis(-1)), "validateAfterInactivity");
        assertInvalid(base().credentials("a", "b").bearerToken("t"), "bearerToken");
        assertInvalid(base().user("a").bearerToken("t"), "exclusive");
        assertInvalid(base().basicAuth(true), "basicAuth");
        assertThatThrownBy(() -> base().credentials("a", "b").header("authorization", "Basic x"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'authorization'");
        assertInvalid(base().header("User-Agent", "x"), "userAgent");
        assertInvalid(base().header("X-Bad", "a\r\nInjected: 1"), "'X-Bad'");
        assertInvalid(base().trustCertificates(Path.of("pom.xml")), "https");
        assertInvalid(ClickHouseClient.builder().endpoint(HTTPS).trustCertificates(Path.of("no-such.pem")),
                "trustCertificates");
        assertInvalid(ClickHouseClient.builder().endpoint(HTTPS).insecure(true).trustCertificates(Path.of("pom.xml")),
                "insecure");
    }

    @Test
    void validationMessagesNeverEchoSecrets() {
        assertThatThrownBy(() -> base().credentials("alice", "pw\nsecret").build())
                .isInstanceOf(ClickHouseConfigurationException.class)
                .message().doesNotContain("secret");
    }

    private static HttpTransportOptions options(ClickHouseClientBuilder builder) {
        return HttpTransportFactory.options(builder.buildConfig());
    }

    private static ClickHouseClientBuilder base() {
        return ClickHouseClient.builder().endpoint(HTTP);
    }

    private static void assertInvalid(ClickHouseClientBuilder builder, String fragment) {
        assertThatThrownBy(() -> builder.build().close()).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining(fragment);
    }
}
