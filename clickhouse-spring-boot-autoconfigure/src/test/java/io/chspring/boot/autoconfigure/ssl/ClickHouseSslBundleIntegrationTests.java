package io.chspring.boot.autoconfigure.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.test.LocalClickHouseServer;
import io.chspring.test.TestCertificates;
import io.chspring.test.TestPrerequisites;
import io.chspring.test.TlsClientAuth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spring Boot SSL bundles end to end: {@code spring.ssl.bundle.pem.*} with the throw-away CA and client certificate,
 * {@code clickhouse.ssl.bundle} naming it, and a real 18.16 server that requires client certificates (mutual TLS).
 */
class ClickHouseSslBundleIntegrationTests {

    private static Path directory;
    private static TestCertificates certificates;
    private static LocalClickHouseServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, ClickHouseAutoConfiguration.class));

    @BeforeAll
    static void start() throws IOException {
        Path binary = TestPrerequisites.serverBinary();
        TestPrerequisites.openssl();
        directory = Files.createTempDirectory("chspring-boot-tls-");
        certificates = TestCertificates.create(directory);
        server = LocalClickHouseServer.builder().binary(binary).https(certificates, TlsClientAuth.STRICT).build();
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aPemBundleWithCaAndClientCertificateQueriesAMutualTlsServer() {
        runner.withPropertyValues(
                "clickhouse.url=https://localhost:" + server.httpsPort(),
                "clickhouse.ssl.bundle=ch",
                "spring.ssl.bundle.pem.ch.truststore.certificate=file:" + certificates.caPem(),
                "spring.ssl.bundle.pem.ch.keystore.certificate=file:" + certificates.clientCertificatePem(),
                "spring.ssl.bundle.pem.ch.keystore.private-key=file:" + certificates.clientKeyPem())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClickHouseClient client = context.getBean(ClickHouseClient.class);
                    assertThat(client.query("SELECT 40 + 2").fetchString("TabSeparated")).isEqualTo("42\n");
                });
    }

    @Test
    void aJksStyleBundleWithPkcs12StoresWorksToo() {
        runner.withPropertyValues(
                "clickhouse.url=https://127.0.0.1:" + server.httpsPort(),
                "clickhouse.ssl.bundle=stores",
                "spring.ssl.bundle.jks.stores.truststore.location=file:" + certificates.trustStore(),
                "spring.ssl.bundle.jks.stores.truststore.password=" + TestCertificates.STORE_PASSWORD,
                "spring.ssl.bundle.jks.stores.truststore.type=PKCS12",
                "spring.ssl.bundle.jks.stores.keystore.location=file:" + certificates.clientKeyStore(),
                "spring.ssl.bundle.jks.stores.keystore.password=" + TestCertificates.STORE_PASSWORD,
                "spring.ssl.bundle.jks.stores.keystore.type=PKCS12")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ClickHouseClient.class).query("SELECT 1").fetchString("TabSeparated"))
                            .isEqualTo("1\n");
                });
    }

    @Test
    void aBundleWithoutTheClientCertificateIsRefusedByTheMutualTlsServer() {
        runner.withPropertyValues(
                "clickhouse.url=https://localhost:" + server.httpsPort(),
                "clickhouse.ssl.bundle=ch",
                "spring.ssl.bundle.pem.ch.truststore.certificate=file:" + certificates.caPem())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClickHouseClient client = context.getBean(ClickHouseClient.class);
                    assertThatThrownBy(() -> client.query("SELECT 1").fetchString("TabSeparated"))
                            .isInstanceOf(ClickHouseException.class);
                });
    }
}
