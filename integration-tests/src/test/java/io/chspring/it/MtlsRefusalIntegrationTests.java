package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.test.LocalClickHouseServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strict mTLS server refusing a client without a certificate finishes the TLS 1.3 handshake and then drops the
 * connection, so the client sees only "Broken pipe" or a reset; the error must say that a client certificate may be
 * what is missing. Runs a real 18.16 server with {@code https_port} and {@code verificationMode strict}, with a
 * throw-away CA made by {@code openssl} (the same steps as the TLS set-up described for these engines).
 */
class MtlsRefusalIntegrationTests {

    @TempDir
    static Path dir;

    private static LocalClickHouseServer server;
    private static int httpsPort;

    @BeforeAll
    static void startStrictTlsServer() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-subj", "/CN=test-ca",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", "ca-key.pem", "-out", "ca.pem");
        issue("server", "/CN=127.0.0.1", "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
        issue("client", "/CN=test-client", "extendedKeyUsage=clientAuth\n");
        Path home = dir.resolve("server");
        Files.createDirectories(home.resolve("etc/config.d"));
        httpsPort = freePort();
        Files.writeString(home.resolve("etc/config.d/tls.xml"), """
                <?xml version="1.0"?>
                <yandex>
                    <https_port>%d</https_port>
                    <openSSL>
                        <server>
                            <certificateFile>%s</certificateFile>
                            <privateKeyFile>%s</privateKeyFile>
                            <verificationMode>strict</verificationMode>
                            <caConfig>%s</caConfig>
                            <loadDefaultCAFile>false</loadDefaultCAFile>
                            <disableProtocols>sslv2,sslv3</disableProtocols>
                        </server>
                    </openSSL>
                </yandex>
                """.formatted(httpsPort, dir.resolve("server.pem"), dir.resolve("server-key.pem"),
                        dir.resolve("ca.pem")),
                StandardCharsets.UTF_8);
        server = LocalClickHouseServer.builder().directory(home).build();
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withTheClientCertificateTheServerAnswers() {
        try (ClickHouseClient client = tls().clientCertificate(dir.resolve("client.pem"), dir.resolve("client-key.pem"))
                .build()) {
            assertThat(client.query("SELECT 1").fetchOne(Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void withoutOneTheErrorPointsAtTheMissingClientCertificate() {
        try (ClickHouseClient client = tls().build()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Throwable thrown = catchThrowable(() -> client.query("SELECT 1").fetchOne(Integer.class));
                assertThat(thrown).isInstanceOf(ClickHouseException.class);
                // under TLS 1.3 the refusal is a dropped connection or, racily, the alert certificate_required
                assertThat(thrown.getMessage()).contains("client certificate (mTLS)");
            }
        }
    }

    private static io.chspring.client.ClickHouseClientBuilder tls() {
        return ClickHouseClient.builder().endpoint("https://127.0.0.1:" + httpsPort)
                .trustCertificates(dir.resolve("ca.pem"));
    }

    private static void issue(String name, String subject, String extensions) throws Exception {
        Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\n" + extensions, StandardCharsets.UTF_8);
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", subject, "-keyout", name + "-key.pem",
                "-out", name + ".csr");
        openssl("x509", "-req", "-sha256", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
