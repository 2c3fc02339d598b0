package io.chspring.client.transport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * TEMP STUB with the contract's shape so the client branch compiles; the transport branch owns the real class.
 * Drop this commit at merge.
 */
public final class HttpTransportOptions {

    private final URI endpoint;

    private HttpTransportOptions(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server's base URI. */
    public URI endpoint() {
        return endpoint;
    }

    /** TEMP STUB builder. */
    public static final class Builder {

        private URI endpoint;

        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        public Builder credentials(String user, String password) {
            return this;
        }

        public Builder basicAuth(boolean useBasic) {
            return this;
        }

        public Builder bearerToken(String token) {
            return this;
        }

        public Builder header(String name, String value) {
            return this;
        }

        public Builder maxConnectionsTotal(int n) {
            return this;
        }

        public Builder maxConnectionsPerRoute(int n) {
            return this;
        }

        public Builder connectTimeout(Duration d) {
            return this;
        }

        public Builder responseTimeout(Duration d) {
            return this;
        }

        public Builder idleEviction(Duration d) {
            return this;
        }

        public Builder validateAfterInactivity(Duration d) {
            return this;
        }

        public Builder sslContext(SSLContext ctx) {
            return this;
        }

        public Builder trustCertificates(Path pem) {
            return this;
        }

        public Builder trustStore(Path path, char[] password, String type) {
            return this;
        }

        public Builder clientCertificate(Path certPem, Path keyPem) {
            return this;
        }

        public Builder keyStore(Path path, char[] password, String type) {
            return this;
        }

        public Builder hostnameVerification(boolean on) {
            return this;
        }

        public Builder insecure(boolean trustAll) {
            return this;
        }

        public Builder userAgent(String productToken) {
            return this;
        }

        public Builder customizer(Consumer<HttpClientBuilder> c) {
            return this;
        }

        public HttpTransportOptions build() {
            return new HttpTransportOptions(endpoint);
        }
    }
}
