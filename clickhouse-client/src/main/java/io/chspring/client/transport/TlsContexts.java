package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link TlsOptions} into HttpClient's TLS socket strategy. */
final class TlsContexts {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);
    private static final char[] IN_MEMORY_PASSWORD = new char[0];

    private TlsContexts() {
    }

    /** The TLS strategy for an https endpoint. */
    static TlsSocketStrategy strategy(TlsOptions tls) {
        SSLContext context = context(tls);
        boolean verifyHost = tls.hostnameVerification() && !tls.insecure();
        HostnameVerifier verifier = verifyHost ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE;
        return ClientTlsStrategyBuilder.create()
                .setSslContext(context)
                .setHostVerificationPolicy(verifyHost ? HostnameVerificationPolicy.BOTH : HostnameVerificationPolicy.CLIENT)
                .setHostnameVerifier(verifier)
                .buildClassic();
    }

    static SSLContext context(TlsOptions tls) {
        if (tls.sslContext().isPresent()) {
            return tls.sslContext().get();
        }
        if (tls.insecure()) {
            LOG.warn("TLS certificate and host name checks are OFF (insecure=true): any server, or anyone between "
                    + "us and it, can read and change the traffic. Use trustCertificates instead outside tests.");
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(tls), trustManagers(tls), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ClickHouseConfigurationException("TLS: cannot build the SSL context: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsOptions tls) throws GeneralSecurityException {
        if (tls.insecure()) {
            return new TrustManager[] {new TrustAll()};
        }
        KeyStore store;
        if (tls.trustCertificates().isPresent()) {
            store = emptyStore();
            List<X509Certificate> certs = Pem.certificates(tls.trustCertificates().get(), "trustCertificates");
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("ca-" + i, certs.get(i));
            }
        } else if (tls.trustStore().isPresent()) {
            store = load(tls.trustStore().get(), "trustStore");
        } else {
            return null; // the JDK's default trust
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsOptions tls) throws GeneralSecurityException {
        KeyStore store;
        char[] password;
        if (tls.clientCertificate().isPresent()) {
            List<X509Certificate> chain = Pem.certificates(tls.clientCertificate().get(), "clientCertificate");
            PrivateKey key = Pem.privateKey(tls.clientKey().get(), chain.get(0).getPublicKey().getAlgorithm(),
                    "clientCertificate (key)");
            store = emptyStore();
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            password = IN_MEMORY_PASSWORD;
        } else if (tls.keyStore().isPresent()) {
            store = load(tls.keyStore().get(), "keyStore");
            password = tls.keyStore().get().password() == null ? IN_MEMORY_PASSWORD : tls.keyStore().get().password();
        } else {
            return null;
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static KeyStore load(TlsOptions.KeyStoreFile spec, String option) {
        String type = spec.type() == null ? KeyStore.getDefaultType() : spec.type();
        try (InputStream in = Files.newInputStream(spec.path())) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, spec.password());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file and type, never the password.
            throw new ClickHouseConfigurationException(option + ": cannot load " + type + " store " + spec.path()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Accepts every certificate; only reachable through {@code insecure(true)}, which logs a WARN. */
    private static final class TrustAll implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // trusting everything is the point of insecure(true)
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusting everything is the point of insecure(true)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
