package io.chspring.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The User-Agent value: {@code chspring/<version> (Java <java.version>)[ <product token>]}. */
final class UserAgent {

    private static final String RESOURCE = "/META-INF/chspring/version.properties";
    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    static String of(String productToken) {
        String base = "chspring/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
        return productToken == null ? base : base + " " + productToken.strip();
    }

    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            // Unfiltered (run from an IDE without Maven resource processing): do not send "${project.version}".
            return v.isEmpty() || v.contains("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
