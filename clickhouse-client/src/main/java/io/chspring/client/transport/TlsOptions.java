package io.chspring.client.transport;

import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * TLS options of an {@code https} endpoint: the one TLS options type, held by the client's configuration (which
 * checks them) and read by the HTTP transport. An {@link SSLContext} wins over the file-based options.
 * {@link #toString()} never shows the store passwords.
 */
public final class TlsOptions {

    /** The defaults: the JDK's trust, no client certificate, host names checked. */
    public static final TlsOptions DEFAULT = new Builder().build();

    private final SSLContext sslContext;
    private final Path trustCertificates;
    private final KeyStoreFile trustStore;
    private final Path clientCertificate;
    private final Path clientKey;
    private final KeyStoreFile keyStore;
    private final boolean hostnameVerification;
    private final boolean insecure;

    private TlsOptions(Builder b) {
        this.sslContext = b.sslContext;
        this.trustCertificates = b.trustCertificates;
        this.trustStore = b.trustStore;
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
        this.keyStore = b.keyStore;
        this.hostnameVerification = b.hostnameVerification;
        this.insecure = b.insecure;
    }

    /**
     * A key or trust store file.
     *
     * @param path the store file
     * @param password the store password (copied), or {@code null}
     * @param type the store type, {@code PKCS12} or {@code JKS}
     */
    public record KeyStoreFile(Path path, char[] password, String type) {

        /** Copies the password so later changes to the caller's array do not leak in. */
        public KeyStoreFile {
            password = password == null ? null : password.clone();
        }

        /** A copy of the password, or {@code null}. */
        @Override
        public char[] password() {
            return password == null ? null : password.clone();
        }

        @Override
        public String toString() {
            return "KeyStoreFile[" + path + ", " + type + (password == null ? "" : ", password=***") + "]";
        }
    }

    /** The SSL context to use as is, when one was given (for example from a Spring Boot SSL bundle). */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** A PEM file of CA certificates to trust. */
    public Optional<Path> trustCertificates() {
        return Optional.ofNullable(trustCertificates);
    }

    /** A trust store file. */
    public Optional<KeyStoreFile> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** The client certificate (PEM) for mutual TLS; present together with {@link #clientKey()}. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** The client's PKCS#8 private key (PEM) for mutual TLS. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /** A key store holding the client certificate and key for mutual TLS. */
    public Optional<KeyStoreFile> keyStore() {
        return Optional.ofNullable(keyStore);
    }

    /** Whether the server's host name must match its certificate (default {@code true}). */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** Whether any certificate is trusted and host names are not checked (tests only; default {@code false}). */
    public boolean insecure() {
        return insecure;
    }

    /** A builder holding these options, to derive changed ones. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether any option differs from the defaults. */
    public boolean isCustomized() {
        return sslContext != null || trustCertificates != null || trustStore != null || clientCertificate != null
                || keyStore != null || !hostnameVerification || insecure;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TlsOptions[");
        if (sslContext != null) {
            sb.append("sslContext=").append(sslContext.getProtocol()).append(", ");
        }
        if (trustCertificates != null) {
            sb.append("trustCertificates=").append(trustCertificates).append(", ");
        }
        if (trustStore != null) {
            sb.append("trustStore=").append(trustStore).append(", ");
        }
        if (clientCertificate != null) {
            sb.append("clientCertificate=").append(clientCertificate).append(", clientKey=").append(clientKey)
                    .append(", ");
        }
        if (keyStore != null) {
            sb.append("keyStore=").append(keyStore).append(", ");
        }
        return sb.append("hostnameVerification=").append(hostnameVerification).append(", insecure=").append(insecure)
                .append(']').toString();
    }

    /** Collects the options; not thread-safe. */
    public static final class Builder {
        private SSLContext sslContext;
        private Path trustCertificates;
        private KeyStoreFile trustStore;
        private Path clientCertificate;
        private Path clientKey;
        private KeyStoreFile keyStore;
        private boolean hostnameVerification = true;
        private boolean insecure;

        /** A builder with the defaults. */
        public Builder() {
        }

        Builder(TlsOptions o) {
            this.sslContext = o.sslContext;
            this.trustCertificates = o.trustCertificates;
            this.trustStore = o.trustStore;
            this.clientCertificate = o.clientCertificate;
            this.clientKey = o.clientKey;
            this.keyStore = o.keyStore;
            this.hostnameVerification = o.hostnameVerification;
            this.insecure = o.insecure;
        }

        /** An SSL context to use as is; wins over the file-based options. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** A PEM file of CA certificates to trust. */
        public Builder trustCertificates(Path pem) {
            this.trustCertificates = pem;
            return this;
        }

        /** A trust store file. */
        public Builder trustStore(KeyStoreFile store) {
            this.trustStore = store;
            return this;
        }

        /** A client certificate and its PKCS#8 key, both PEM, for mutual TLS. */
        public Builder clientCertificate(Path certificatePem, Path keyPem) {
            this.clientCertificate = certificatePem;
            this.clientKey = keyPem;
            return this;
        }

        /** A key store with the client certificate for mutual TLS. */
        public Builder keyStore(KeyStoreFile store) {
            this.keyStore = store;
            return this;
        }

        /** Whether the server's host name must match its certificate. */
        public Builder hostnameVerification(boolean on) {
            this.hostnameVerification = on;
            return this;
        }

        /** Whether to trust any certificate and skip the host name check; for tests only. */
        public Builder insecure(boolean trustAll) {
            this.insecure = trustAll;
            return this;
        }

        /** The options as collected; the client's configuration checks them. */
        public TlsOptions build() {
            return new TlsOptions(this);
        }
    }
}
