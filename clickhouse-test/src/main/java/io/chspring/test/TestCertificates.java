package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A throw-away PKI for TLS tests, made with the {@code openssl} command (RSA 2048, SHA-256, valid 10 years): a CA,
 * a server certificate it signed (subject alternative names {@code IP:127.0.0.1} and {@code DNS:localhost} unless
 * chosen), a client certificate it signed ({@code CN=test-client}), and for negative tests an unrelated CA with a
 * client certificate of its own. Java stores (PKCS12, password {@link #STORE_PASSWORD}) hold the client key and the
 * CA. Files, all in one directory:
 *
 * <table>
 * <caption>files</caption>
 * <tr><td>{@code ca.pem}</td><td>the CA certificate: trust it as PEM, or {@code truststore.p12}</td></tr>
 * <tr><td>{@code server.pem}, {@code server-key.pem}</td><td>the server's certificate and PKCS#8 key</td></tr>
 * <tr><td>{@code client.pem}, {@code client-key.pem}</td><td>the client's certificate and PKCS#8 key, or {@code client.p12}</td></tr>
 * <tr><td>{@code wrong-ca.pem}</td><td>an unrelated CA: a client trusting it must refuse the server</td></tr>
 * <tr><td>{@code rogue-client.pem}, {@code rogue-client-key.pem}</td><td>a client certificate signed by the unrelated CA</td></tr>
 * </table>
 */
public final class TestCertificates {

    /** Password of {@link #clientKeyStore()} and {@link #trustStore()}. */
    public static final String STORE_PASSWORD = "changeit";

    private static final Pattern SUBJECT_ALT_NAME = Pattern.compile("(IP|DNS):[A-Za-z0-9.:*-]+");
    private static final List<String> DEFAULT_SERVER_NAMES = List.of("IP:127.0.0.1", "DNS:localhost");

    private final Path directory;
    private final List<String> serverNames;

    private TestCertificates(Path directory, List<String> serverNames) {
        this.directory = directory;
        this.serverNames = serverNames;
    }

    /** Makes the certificates into {@code directory} (created), for {@code IP:127.0.0.1} and {@code DNS:localhost}. */
    public static TestCertificates create(Path directory) {
        return create(directory, DEFAULT_SERVER_NAMES);
    }

    /**
     * Makes the certificates into {@code directory} (created), the server's for the given subject alternative names.
     *
     * @param serverNames entries like {@code DNS:localhost} or {@code IP:127.0.0.1}
     * @throws ClickHouseException when {@code openssl} is missing or fails (its output in the message)
     */
    public static TestCertificates create(Path directory, List<String> serverNames) {
        Objects.requireNonNull(directory, "directory");
        if (serverNames.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one subject alternative name");
        }
        for (String name : serverNames) {
            if (!SUBJECT_ALT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a subject alternative name (DNS:host or IP:address): " + name);
            }
        }
        Path openssl = findOpenssl(System.getenv()).orElseThrow(() -> new ClickHouseException(
                "openssl not found on $PATH; install it with `apt-get install -y openssl`"));
        TestCertificates certificates = new TestCertificates(mkdirs(directory), List.copyOf(serverNames));
        certificates.make(openssl.toString());
        return certificates;
    }

    /** The {@code openssl} executable on {@code PATH}. */
    static Optional<Path> findOpenssl(Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "openssl");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void make(String openssl) {
        String days = "3650";
        run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", days, "-subj", "/CN=chspring-test-ca",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", "ca-key.pem", "-out", "ca.pem");
        signed(openssl, "server", "/CN=" + serverNames.get(0).substring(serverNames.get(0).indexOf(':') + 1), "ca",
                "extendedKeyUsage=serverAuth\nsubjectAltName=" + String.join(",", serverNames) + "\n");
        signed(openssl, "client", "/CN=test-client", "ca", "extendedKeyUsage=clientAuth\n");
        run(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", days, "-subj", "/CN=unrelated-ca",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", "wrong-ca-key.pem", "-out", "wrong-ca.pem");
        signed(openssl, "rogue-client", "/CN=rogue-client", "wrong-ca", "extendedKeyUsage=clientAuth\n");
        // The RFC 7919 group, instant (openssl dhparam 2048 takes ~15 s); only DHE-* cipher suites use it.
        run(openssl, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "dh_param:ffdhe2048", "-out", "dhparam.pem");
        run(openssl, "pkcs12", "-export", "-in", "client.pem", "-inkey", "client-key.pem", "-certfile", "ca.pem",
                "-name", "client", "-passout", "pass:" + STORE_PASSWORD, "-out", "client.p12");
        writeTrustStore();
    }

    private void signed(String openssl, String name, String subject, String ca, String extensions) {
        Path ext = directory.resolve(name + ".ext");
        try {
            Files.writeString(ext, "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n" + extensions,
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ext, e);
        }
        run(openssl, "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-subj", subject, "-keyout", name + "-key.pem",
                "-out", name + ".csr");
        run(openssl, "x509", "-req", "-sha256", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem",
                "-CAcreateserial", "-days", "3650", "-extfile", name + ".ext", "-out", name + ".pem");
    }

    /** Without keytool: a PKCS12 store with the CA as a trusted certificate entry. */
    private void writeTrustStore() {
        try (InputStream in = Files.newInputStream(caPem())) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("chspring-test-ca", ca);
            try (var out = Files.newOutputStream(trustStore())) {
                store.store(out, STORE_PASSWORD.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ClickHouseException("cannot write the trust store " + trustStore() + ": " + e, e);
        }
    }

    private void run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(args).directory(directory.toFile()).redirectErrorStream(true);
        try {
            Process process = pb.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new ClickHouseException("openssl failed in " + directory + ": " + String.join(" ", args.subList(1, args.size()))
                        + "\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ClickHouseException("cannot run " + args.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException("interrupted while making test certificates", e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The directory holding every file. */
    public Path directory() {
        return directory;
    }

    /** The server certificate's subject alternative names, e.g. {@code [IP:127.0.0.1, DNS:localhost]}. */
    public List<String> serverNames() {
        return serverNames;
    }

    /** The CA certificate (PEM) that signed the server and client certificates. */
    public Path caPem() {
        return directory.resolve("ca.pem");
    }

    /** The CA certificate in a PKCS12 trust store, password {@link #STORE_PASSWORD}. */
    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    public Path serverCertificatePem() {
        return directory.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return directory.resolve("server-key.pem");
    }

    /** The client certificate (PEM, {@code CN=test-client}), signed by {@link #caPem()}. */
    public Path clientCertificatePem() {
        return directory.resolve("client.pem");
    }

    /** The client's private key, PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public Path clientKeyPem() {
        return directory.resolve("client-key.pem");
    }

    /** The client key and certificate (with the CA) in a PKCS12 key store, alias {@code client}, password {@link #STORE_PASSWORD}. */
    public Path clientKeyStore() {
        return directory.resolve("client.p12");
    }

    /** An unrelated CA certificate: a client trusting only it must refuse the server. */
    public Path wrongCaPem() {
        return directory.resolve("wrong-ca.pem");
    }

    /** A client certificate signed by {@link #wrongCaPem()}: a verifying server must refuse it. */
    public Path rogueClientCertificatePem() {
        return directory.resolve("rogue-client.pem");
    }

    public Path rogueClientKeyPem() {
        return directory.resolve("rogue-client-key.pem");
    }

    /** Diffie-Hellman parameters (RFC 7919 ffdhe2048) for the server's DHE cipher suites. */
    public Path dhParamsPem() {
        return directory.resolve("dhparam.pem");
    }

    @Override
    public String toString() {
        return "TestCertificates[" + directory + ", server " + serverNames + "]";
    }
}
