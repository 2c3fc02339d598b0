package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throw-away PKI, checked with the JDK's own certificate code rather than openssl's. */
class TestCertificatesTests {

    @TempDir
    static Path dir;

    private static TestCertificates certs;

    @BeforeAll
    static void create() {
        TestPrerequisites.openssl();
        certs = TestCertificates.create(dir);
    }

    @Test
    void serverAndClientCertificatesAreSignedByTheCa() throws Exception {
        X509Certificate ca = read(certs.caPem());
        X509Certificate server = read(certs.serverCertificatePem());
        X509Certificate client = read(certs.clientCertificatePem());
        server.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(names(server)).containsExactly("127.0.0.1", "localhost");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=test-client");
        assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(Files.readString(certs.clientKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void theRogueClientAndTheWrongCaAreUnrelatedToTheCa() throws Exception {
        X509Certificate ca = read(certs.caPem());
        X509Certificate rogue = read(certs.rogueClientCertificatePem());
        rogue.verify(read(certs.wrongCaPem()).getPublicKey());
        assertThatThrownBy(() -> rogue.verify(ca.getPublicKey())).isInstanceOf(SignatureException.class);
    }

    @Test
    void javaStoresHoldTheClientKeyAndTheCa() throws Exception {
        char[] password = TestCertificates.STORE_PASSWORD.toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.clientKeyStore())) {
            keys.load(in, password);
        }
        assertThat(keys.isKeyEntry("client")).isTrue();
        assertThat(keys.getCertificate("client")).isEqualTo(read(certs.clientCertificatePem()));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.trustStore())) {
            trust.load(in, password);
        }
        assertThat(trust.getCertificateAlias(read(certs.caPem()))).isNotNull();
    }

    @Test
    void serverNamesCanBeChosenAndAreChecked(@TempDir Path other) throws Exception {
        TestCertificates localhostOnly = TestCertificates.create(other, List.of("DNS:localhost"));
        assertThat(names(read(localhostOnly.serverCertificatePem()))).containsExactly("localhost");
        assertThatThrownBy(() -> TestCertificates.create(other, List.of("localhost; rm -rf /")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DNS:host or IP:address");
    }

    private static List<String> names(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
