package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseClientBuilder;
import io.chspring.client.ClickHouseException;
import io.chspring.test.LocalClickHouseServer;
import io.chspring.test.TestCertificates;
import io.chspring.test.TestPrerequisites;
import io.chspring.test.TlsClientAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against real 18.16 HTTPS servers with a throw-away CA: one requiring client certificates (strict), one
 * verifying them when sent (relaxed), and one never asking (none) whose certificate names only {@code localhost}, so
 * that connecting by {@code 127.0.0.1} is a host name mismatch.
 */
class TlsIntegrationTests {

    private static final char[] STORE_PASSWORD = TestCertificates.STORE_PASSWORD.toCharArray();

    private static Path directory;
    private static TestCertificates certificates;
    private static TestCertificates localhostOnly;
    private static final List<LocalClickHouseServer> servers = new ArrayList<>();
    private static LocalClickHouseServer strict;
    private static LocalClickHouseServer relaxed;
    private static LocalClickHouseServer none;

    @BeforeAll
    static void start() throws IOException {
        Path binary = TestPrerequisites.serverBinary();
        TestPrerequisites.openssl();
        directory = Files.createTempDirectory("chspring-tls-it-");
        certificates = TestCertificates.create(directory.resolve("certs"));
        localhostOnly = TestCertificates.create(directory.resolve("localhost-certs"), List.of("DNS:localhost"));
        strict = server(binary, certificates, TlsClientAuth.STRICT);
        relaxed = server(binary, certificates, TlsClientAuth.RELAXED);
        none = server(binary, localhostOnly, TlsClientAuth.NONE);
    }

    private static LocalClickHouseServer server(Path binary, TestCertificates certs, TlsClientAuth auth) {
        LocalClickHouseServer server = LocalClickHouseServer.builder().binary(binary).https(certs, auth).build();
        servers.add(server);
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws IOException {
        servers.forEach(LocalClickHouseServer::close);
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String selectOne(String endpoint, UnaryOperator<ClickHouseClientBuilder> tls) {
        try (ClickHouseClient client = tls.apply(ClickHouseClient.builder().endpoint(endpoint)
                .connectTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(10))).build()) {
            return client.query("SELECT 1").fetchString("TabSeparated");
        }
    }

    private static Throwable failure(String endpoint, UnaryOperator<ClickHouseClientBuilder> tls) {
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> selectOne(endpoint, tls));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
        assertThat(thrown).as("connecting to " + endpoint).isInstanceOf(ClickHouseException.class);
        return thrown;
    }

    private static String localhost(LocalClickHouseServer server) {
        return "https://localhost:" + server.httpsPort();
    }

    @Test
    void trustsTheCaGivenAsPem() {
        assertThat(selectOne(localhost(none), b -> b.trustCertificates(localhostOnly.caPem()))).isEqualTo("1\n");
    }

    @Test
    void trustsTheCaGivenAsTrustStore() {
        assertThat(selectOne(localhost(none), b -> b.trustStore(localhostOnly.trustStore(), STORE_PASSWORD, "PKCS12")))
                .isEqualTo("1\n");
    }

    @Test
    void mutualTlsWithPemCertificateAndKey() {
        assertThat(selectOne(strict.httpsUrl(), b -> b.trustCertificates(certificates.caPem())
                .clientCertificate(certificates.clientCertificatePem(), certificates.clientKeyPem()))).isEqualTo("1\n");
    }

    @Test
    void mutualTlsWithKeyStore() {
        assertThat(selectOne(strict.httpsUrl(), b -> b.trustStore(certificates.trustStore(), STORE_PASSWORD, "PKCS12")
                .keyStore(certificates.clientKeyStore(), STORE_PASSWORD, "PKCS12"))).isEqualTo("1\n");
    }

    @Test
    void strictServerRefusesAClientWithoutCertificate() {
        // Under TLS 1.3 the refusal arrives after the client finished its handshake: any I/O error, never an answer.
        failure(strict.httpsUrl(), b -> b.trustCertificates(certificates.caPem()));
    }

    @Test
    void strictAndRelaxedServersRefuseACertificateFromAnotherCa() {
        UnaryOperator<ClickHouseClientBuilder> rogue = b -> b.trustCertificates(certificates.caPem())
                .clientCertificate(certificates.rogueClientCertificatePem(), certificates.rogueClientKeyPem());
        failure(strict.httpsUrl(), rogue);
        failure(relaxed.httpsUrl(), rogue);
    }

    @Test
    void relaxedServerAcceptsClientsWithAndWithoutCertificate() {
        assertThat(selectOne(relaxed.httpsUrl(), b -> b.trustCertificates(certificates.caPem()))).isEqualTo("1\n");
        assertThat(selectOne(relaxed.httpsUrl(), b -> b.trustCertificates(certificates.caPem())
                .clientCertificate(certificates.clientCertificatePem(), certificates.clientKeyPem()))).isEqualTo("1\n");
    }

    @Test
    void aHostNameNotInTheCertificateIsRefusedUnlessVerificationIsOff() {
        String byAddress = none.httpsUrl();   // https://127.0.0.1:PORT; the certificate names only DNS:localhost
        Throwable thrown = failure(byAddress, b -> b.trustCertificates(localhostOnly.caPem()));
        // The JDK's check: "No subject alternative names matching IP address 127.0.0.1 found".
        assertThat(causes(thrown)).anyMatch(SSLException.class::isInstance);
        assertThat(thrown).hasMessageContaining("subject alternative names matching IP address 127.0.0.1");

        assertThat(selectOne(byAddress, b -> b.trustCertificates(localhostOnly.caPem()).hostnameVerification(false)))
                .isEqualTo("1\n");
    }

    @Test
    void aServerSignedByAnotherCaIsRefused() {
        Throwable wrongCa = failure(localhost(none), b -> b.trustCertificates(certificates.wrongCaPem()));
        assertThat(causes(wrongCa)).anyMatch(SSLHandshakeException.class::isInstance);
        // The JDK's default trust (public CAs) does not know the test CA either.
        Throwable defaults = failure(localhost(none), UnaryOperator.identity());
        assertThat(causes(defaults)).anyMatch(SSLHandshakeException.class::isInstance);
    }

    @Test
    void insecureTrustsAnyCertificateAndAnyName() {
        assertThat(selectOne(none.httpsUrl(), b -> b.insecure(true))).isEqualTo("1\n");
        assertThat(selectOne(localhost(none), b -> b.insecure(true))).isEqualTo("1\n");
    }

    @Test
    void plainHttpToTheHttpsPortFails() {
        failure("http://127.0.0.1:" + none.httpsPort(), UnaryOperator.identity());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            chain.addAll(List.of(t.getSuppressed()));
        }
        return chain;
    }
}
