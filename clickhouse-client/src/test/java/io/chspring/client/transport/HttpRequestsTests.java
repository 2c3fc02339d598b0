package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.Test;

class HttpRequestsTests {

    private static final RequestBody BODY = sink -> sink.plain().write(1);

    @Test
    void bodylessRequestCarriesTheSqlInTheBodyAndTheRestInTheUrl() {
        TransportRequest r = new TransportRequest("SELECT 1", Map.of("max_threads", "2", "readonly", "1"), Map.of(),
                "db1", "q-1", "s-1", Duration.ofSeconds(90), null, false, true, false, null);

        assertThat(HttpRequests.queryString(r)).isEqualTo(
                "query_id=q-1&database=db1&session_id=s-1&session_timeout=90&compress=1&max_threads=2&readonly=1");
    }

    @Test
    void requestWithABodyCarriesTheSqlInTheQueryParameter() {
        TransportRequest r = new TransportRequest("INSERT INTO t FORMAT RowBinary", Map.of(), Map.of("id", "7"),
                null, "q", null, null, BODY, true, false, false, null);

        assertThat(HttpRequests.queryString(r))
                .isEqualTo("query_id=q&decompress=1&param_id=7&query=INSERT%20INTO%20t%20FORMAT%20RowBinary");
    }

    @Test
    void compressRequestWithoutBodyDoesNotAskTheServerToDecompressTheSql() {
        TransportRequest r = new TransportRequest("SELECT 1", Map.of(), Map.of(), null, "q", null, null, null, true,
                false, false, null);

        assertThat(HttpRequests.queryString(r)).isEqualTo("query_id=q");
    }

    @Test
    void percentEncodesEverythingButUnreservedCharacters() {
        assertThat(HttpRequests.encode("a b+c&d=é'\n%~._-")).isEqualTo("a%20b%2Bc%26d%3D%C3%A9%27%0A%25~._-");
    }

    @Test
    void rejectsSettingsTheTransportOwnsOrWithBadNames() {
        assertThatThrownBy(() -> HttpRequests.queryString(request(Map.of("query_id", "x"))))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'query_id'");
        assertThatThrownBy(() -> HttpRequests.queryString(request(Map.of("param_x", "1"))))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'param_x'");
        assertThatThrownBy(() -> HttpRequests.queryString(request(Map.of("max threads", "1"))))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("'max threads'");
    }

    @Test
    void sendsExactlyOneAuthenticationMethod() {
        assertThat(headers(base().credentials("alice", "secret")))
                .containsExactly("X-ClickHouse-User: alice", "X-ClickHouse-Key: secret");
        assertThat(headers(base().credentials("alice", "secret").basicAuth(true))).containsExactly(
                "Authorization: Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(headers(base().bearerToken("tok").header("X-Trace", "1")))
                .containsExactly("Authorization: Bearer tok", "X-Trace: 1");
        assertThat(headers(base())).isEmpty();
    }

    @Test
    void sendsOneUserAgentAndTheCallersOneWins() {
        // the request carries it: without HttpClient's exec chain nothing else would set ours
        assertThat(allHeaders(base())).singleElement().asString().startsWith("User-Agent: chspring/").contains("(Java ");
        assertThat(allHeaders(base().userAgent("billing/1.2"))).singleElement().asString()
                .startsWith("User-Agent: chspring/").endsWith(") billing/1.2");
        assertThat(allHeaders(base().header("user-agent", "mine/1"))).containsExactly("user-agent: mine/1");
    }

    @Test
    void sendsTheEndpointsAuthorityAsHost() {
        // set by the transport, so that HttpCore does not format it anew for every request
        assertThat(build(base().endpoint(URI.create("https://proxy:8443/clickhouse/"))).getHeaders("Host"))
                .extracting(Header::getValue).containsExactly("proxy:8443");
        assertThat(build(base().endpoint(URI.create("http://[::1]:8123"))).getHeaders("Host"))
                .extracting(Header::getValue).containsExactly("[::1]:8123");
    }

    @Test
    void keepsTheEndpointPathPrefix() throws Exception {
        HttpRequests requests = new HttpRequests(TestOptions.builder()
                .endpoint(URI.create("https://proxy:8443/clickhouse/")).build());

        HttpPost post = requests.build(request(Map.of()), RequestConfig.DEFAULT);

        assertThat(post.getUri().toString()).isEqualTo("https://proxy:8443/clickhouse/?query_id=q");
        assertThat(post.getEntity().getContentType()).isEqualTo("text/plain; charset=UTF-8");
    }

    @Test
    void buildsTheSameRequestLineAsParsingTheWholeUrl() throws Exception {
        // the request used to be new HttpPost(url string); its scheme, authority, path and URI must not change
        TransportRequest r = new TransportRequest("INSERT INTO t FORMAT RowBinary", Map.of("max_threads", "2",
                "insert_quorum", "2", "log_comment", "été & co"), Map.of("ids", "[1, 2]", "a", "x"), "db 1", "q-1",
                "s-1", Duration.ofSeconds(90), BODY, true, true, false, null);
        for (String endpoint : new String[] {"http://127.0.0.1:8123", "https://proxy:8443/clickhouse/",
                "http://[::1]:8123/", "http://host.example:80/a%20b"}) {
            HttpPost post = new HttpRequests(TestOptions.builder().endpoint(URI.create(endpoint)).build())
                    .build(r, RequestConfig.DEFAULT);
            String path = endpoint.endsWith(":8123") ? "/" : "";
            HttpPost parsed = new HttpPost(endpoint + path + "?query_id=q-1&database=db%201&session_id=s-1"
                    + "&session_timeout=90&compress=1&decompress=1&insert_quorum=2&log_comment=%C3%A9t%C3%A9%20%26%20co"
                    + "&max_threads=2&param_a=x&param_ids=%5B1%2C%202%5D&query=INSERT%20INTO%20t%20FORMAT%20RowBinary");

            assertThat(post.getScheme()).isEqualTo(parsed.getScheme());
            assertThat(post.getAuthority()).isEqualTo(parsed.getAuthority());
            assertThat(post.getPath()).isEqualTo(parsed.getPath());
            assertThat(post.getRequestUri()).isEqualTo(parsed.getRequestUri());
            assertThat(post.getUri()).isEqualTo(parsed.getUri());
        }
    }

    @Test
    void percentEncodesAfterAnUnreservedPrefixAndKeepsSurrogatePairsWhole() {
        assertThat(HttpRequests.encode("abc")).isEqualTo("abc");
        assertThat(HttpRequests.encode("")).isEqualTo("");
        assertThat(HttpRequests.encode("id_7\uD83D\uDE00x")).isEqualTo("id_7%F0%9F%98%80x");
        assertThat(HttpRequests.encode("SELECT\t1")).isEqualTo("SELECT%091");
    }

    @Test
    void namesAreLettersDigitsAndUnderscoresOnly() {
        assertThat(HttpRequests.isName("max_threads_2")).isTrue();
        assertThat(HttpRequests.isName("Z")).isTrue();
        assertThat(HttpRequests.isName("")).isFalse();
        assertThat(HttpRequests.isName("max-threads")).isFalse();
        assertThat(HttpRequests.isName("max.threads")).isFalse();
        assertThat(HttpRequests.isName("maxé")).isFalse();
        assertThatThrownBy(() -> HttpRequests.queryString(new TransportRequest("SELECT 1", Map.of(), Map.of("a-b", "1"),
                null, "q", null, null, null, false, false, false, null)))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessage("query parameter name 'a-b' must match [A-Za-z0-9_]+");
    }

    @Test
    void streamsABodyWithUnknownLength() {
        HttpRequests requests = new HttpRequests(base().build());
        TransportRequest r = new TransportRequest("INSERT INTO t FORMAT RowBinary", Map.of(), Map.of(), null, "q",
                null, null, BODY, false, false, false, null);

        HttpPost post = requests.build(r, RequestConfig.DEFAULT);

        assertThat(post.getEntity().getContentLength()).isEqualTo(-1);
        assertThat(post.getEntity().isChunked()).isTrue();
        assertThat(post.getEntity().isRepeatable()).isFalse();
    }

    private static TestOptions base() {
        return TestOptions.builder().endpoint(URI.create("http://127.0.0.1:8123"));
    }

    /** The request's headers but User-Agent (which {@link #sendsOneUserAgentAndTheCallersOneWins} covers). */
    private static String[] headers(TestOptions options) {
        return Arrays.stream(allHeaders(options)).filter(h -> !h.startsWith("User-Agent:")).toArray(String[]::new);
    }

    /** The request's headers but Host (which {@link #sendsTheEndpointsAuthorityAsHost} covers). */
    private static String[] allHeaders(TestOptions options) {
        return Arrays.stream(build(options).getHeaders()).map(Header::toString).filter(h -> !h.startsWith("Host:"))
                .toArray(String[]::new);
    }

    private static HttpPost build(TestOptions options) {
        return new HttpRequests(options.build()).build(request(Map.of()), RequestConfig.DEFAULT);
    }

    private static TransportRequest request(Map<String, String> settings) {
        return new TransportRequest("SELECT 1", settings, Map.of(), null, "q", null, null, null, false, false, false,
                null);
    }
}
