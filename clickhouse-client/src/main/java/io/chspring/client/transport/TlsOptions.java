package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/** TLS material as configured; turned into an {@code SSLContext} by {@link TlsContexts}. */
final class TlsOptions {

    record Store(Path path, char[] password, String type) {
        Store {
            password = password == null ? null : password.clone();
        }

        @Override
        public String toString() {
            return path + " (" + type + ")";
        }
    }

    SSLContext sslContext;
    Path trustCertificates;
    Store trustStore;
    Path clientCertificate;
    Path clientKey;
    Store keyStore;
    boolean hostnameVerification = true;
    boolean insecure;

    TlsOptions copy() {
        TlsOptions c = new TlsOptions();
        c.sslContext = sslContext;
        c.trustCertificates = trustCertificates;
        c.trustStore = trustStore;
        c.clientCertificate = clientCertificate;
        c.clientKey = clientKey;
        c.keyStore = keyStore;
        c.hostnameVerification = hostnameVerification;
        c.insecure = insecure;
        return c;
    }

    boolean anySet() {
        return sslContext != null || trustCertificates != null || trustStore != null || clientCertificate != null
                || keyStore != null || insecure || !hostnameVerification;
    }

    void validate(boolean https, URI endpoint) {
        if (!https) {
            if (anySet()) {
                throw new ClickHouseConfigurationException("TLS options are set but the endpoint is "
                        + endpoint.getScheme() + "://: use https://");
            }
            return;
        }
        if (sslContext != null) {
            return; // an explicit context wins; the file options are ignored on purpose
        }
        if (trustCertificates != null && trustStore != null) {
            throw new ClickHouseConfigurationException("trustCertificates and trustStore are exclusive");
        }
        if (clientCertificate != null && keyStore != null) {
            throw new ClickHouseConfigurationException("clientCertificate and keyStore are exclusive");
        }
        if (insecure && (trustCertificates != null || trustStore != null)) {
            throw new ClickHouseConfigurationException("insecure(true) contradicts trustCertificates/trustStore");
        }
        readable("trustCertificates", trustCertificates);
        readable("trustStore", trustStore == null ? null : trustStore.path());
        readable("clientCertificate (certificate)", clientCertificate);
        readable("clientCertificate (key)", clientKey);
        readable("keyStore", keyStore == null ? null : keyStore.path());
    }

    private static void readable(String option, Path path) {
        if (path != null && !Files.isReadable(path)) {
            throw new ClickHouseConfigurationException(option + ": file not readable: " + path);
        }
    }

    @Override
    public String toString() {
        if (sslContext != null) {
            return "sslContext";
        }
        return "[trustCertificates=" + trustCertificates + ", trustStore=" + trustStore
                + ", clientCertificate=" + clientCertificate + ", keyStore=" + keyStore
                + ", hostnameVerification=" + hostnameVerification + ", insecure=" + insecure + ']';
    }
}
