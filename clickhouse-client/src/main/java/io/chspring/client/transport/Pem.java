package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads X.509 certificates and unencrypted PKCS#8 private keys from PEM files with the JDK alone. */
final class Pem {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private Pem() {
    }

    /** Every certificate in the file, in order; the option name goes into the error message. */
    static List<X509Certificate> certificates(Path pem, String option) {
        try {
            byte[] bytes = Files.readAllBytes(pem);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            for (var cert : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
                certs.add((X509Certificate) cert);
            }
            if (certs.isEmpty()) {
                throw new ClickHouseConfigurationException(option + ": no certificate in " + pem);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new ClickHouseConfigurationException(option + ": cannot read certificates from " + pem
                    + ": " + e.getMessage(), e);
        }
    }

    /** The PKCS#8 key in the file; its algorithm is taken from the certificate it belongs to. */
    static PrivateKey privateKey(Path pem, String algorithm, String option) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ClickHouseConfigurationException(option + ": cannot read " + pem + ": " + e.getMessage(), e);
        }
        int begin = text.indexOf(KEY_BEGIN);
        int end = text.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            // PKCS#1 ("BEGIN RSA PRIVATE KEY"), SEC1 ("BEGIN EC PRIVATE KEY") and encrypted keys need a
            // conversion the JDK does not offer; say how to convert instead of guessing.
            throw new ClickHouseConfigurationException(option + ": " + pem + " holds no unencrypted PKCS#8 key ("
                    + KEY_BEGIN + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        String base64 = text.substring(begin + KEY_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ClickHouseConfigurationException(option + ": " + pem + " is not a valid " + algorithm
                    + " PKCS#8 key: " + e.getMessage(), e);
        }
    }
}
