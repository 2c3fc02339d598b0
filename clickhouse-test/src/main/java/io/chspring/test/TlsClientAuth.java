package io.chspring.test;

/** Whether a TLS test server asks its clients for a certificate: ClickHouse's {@code openSSL.server.verificationMode}. */
public enum TlsClientAuth {

    /**
     * A client certificate signed by the test CA is required (mutual TLS). A client without one is refused in the
     * handshake under TLS 1.2; under TLS 1.3 the client finishes its side first and sees the connection drop when it
     * sends, so expect any I/O error.
     */
    STRICT("strict"),

    /** A client certificate is asked for and verified when sent; clients without one are accepted. */
    RELAXED("relaxed"),

    /** No client certificate is asked for; a certificate from any CA is ignored. */
    NONE("none");

    private final String verificationMode;

    TlsClientAuth(String verificationMode) {
        this.verificationMode = verificationMode;
    }

    String verificationMode() {
        return verificationMode;
    }
}
