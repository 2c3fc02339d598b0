package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS options of {@link HttpTransport} against a JDK {@code HttpsServer} on 127.0.0.1. The 18.16 server installed
 * here has no TLS port configured, so no real engine can show TLS; the HttpsServer stands in as the TLS peer.
 * Certificates (a test CA, server certificates with right and wrong names, a client certificate) are made by the
 * {@code openssl} command line in {@link #certificates()}; the tests are skipped where it is missing.
 */
class HttpTransportTlsTests {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private HttpsServer server;

    @BeforeAll
    static void certificates() throws Exception {
        Assumptions.assumeTrue(openssl("version"), "openssl CLI not available");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=chspring test CA");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.pem",
                "-days", "2", "-subj", "/CN=another CA");
        signed("server", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        signed("wronghost", "subjectAltName=DNS:db.example.org");
        signed("client", "extendedKeyUsage=clientAuth");
        Files.writeString(dir.resolve("bundle.pem"),
                Files.readString(dir.resolve("other-ca.pem")) + Files.readString(dir.resolve("ca.pem")));
    }

    private static void signed(String name, String extension) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        openssl("pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-out", name + ".p12",
                "-passout", "pass:" + new String(PASSWORD));
    }

    private static boolean openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void trustsACustomCaFromPemWithSeveralCertificates() throws Exception {
        URI uri = serve("server", false);

        assertThat(call(tls(uri).trustCertificates(dir.resolve("bundle.pem")))).isEqualTo("ok");
    }

    @Test
    void trustsACaFromATrustStore() throws Exception {
        URI uri = serve("server", false);
        Path store = dir.resolve("trust.p12");
        if (!Files.exists(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", Pem.certificates(dir.resolve("ca.pem"), "test").get(0));
            try (OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, PASSWORD);
            }
        }

        assertThat(call(tls(uri).trustStore(store, PASSWORD, "PKCS12"))).isEqualTo("ok");
    }

    @Test
    void refusesAServerTheJdkDoesNotTrust() throws Exception {
        URI uri = serve("server", false);

        assertThatThrownBy(() -> call(tls(uri)))
                .isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("TLS failure")
                .satisfies(e -> assertThat(((ClickHouseTransportException) e).isRetryable()).isFalse());
    }

    @Test
    void checksTheHostNameUnlessToldNotTo() throws Exception {
        URI uri = serve("wronghost", false);

        assertThatThrownBy(() -> call(tls(uri).trustCertificates(dir.resolve("ca.pem"))))
                .isInstanceOf(ClickHouseTransportException.class);
        assertThat(call(tls(uri).trustCertificates(dir.resolve("ca.pem")).hostnameVerification(false)))
                .isEqualTo("ok");
    }

    @Test
    void insecureTrustsAnything() throws Exception {
        URI uri = serve("wronghost", false);

        assertThat(call(tls(uri).insecure(true))).isEqualTo("ok");
    }

    @Test
    void presentsAClientCertificateFromPemOrKeyStore() throws Exception {
        URI uri = serve("server", true);
        TestOptions trusted = tls(uri).trustCertificates(dir.resolve("ca.pem"));

        assertThatThrownBy(() -> call(tls(uri).trustCertificates(dir.resolve("ca.pem"))))
                .isInstanceOf(ClickHouseTransportException.class);
        assertThat(call(trusted.clientCertificate(dir.resolve("client.pem"), dir.resolve("client.key"))))
                .isEqualTo("ok");
        assertThat(call(tls(uri).trustCertificates(dir.resolve("ca.pem"))
                .keyStore(dir.resolve("client.p12"), PASSWORD, "PKCS12"))).isEqualTo("ok");
    }

    @Test
    void anExplicitSslContextWinsOverTheFileOptions() throws Exception {
        URI uri = serve("server", false);
        SSLContext context = TlsContexts.context(tlsOptions(dir.resolve("ca.pem")));

        assertThat(call(tls(uri).sslContext(context).trustCertificates(dir.resolve("other-ca.pem")))).isEqualTo("ok");
    }

    @Test
    void aKeyThatIsNotPkcs8IsAConfigurationErrorWithAHint() throws Exception {
        Path pkcs1 = dir.resolve("client-rsa.key");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> HttpTransport.create(tls(URI.create("https://127.0.0.1:1"))
                        .clientCertificate(dir.resolve("client.pem"), pkcs1).build()))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    private static TlsOptions tlsOptions(Path ca) {
        return new TlsOptions.Builder().trustCertificates(ca).build();
    }

    private static TestOptions tls(URI uri) {
        return TestOptions.builder().endpoint(uri);
    }

    private static String call(TestOptions options) throws IOException {
        try (HttpTransport transport = HttpTransport.create(options.build());
                TransportResponse r = transport.execute(new TransportRequest("SELECT 1", Map.of(), Map.of(), null,
                        "tls-q", null, null, null, false, false, false, null))) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI serve(String certificate, boolean needClientAuth) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(certificate + ".p12"))) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Pem.certificates(dir.resolve("ca.pem"), "test").get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }
}
