package io.chspring.test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A database created for one test class; closing it drops it. */
final class TestDatabase implements ClickHouseTestDatabase, AutoCloseable {

    private final ClickHouseTestServer server;
    private final String name;

    private TestDatabase(ClickHouseTestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates {@code chspring_<class name>_<random>}; the suffix keeps parallel runs on one shared server apart. */
    static TestDatabase create(ClickHouseTestServer server, String className) {
        String name = newName(className);
        server.query("CREATE DATABASE IF NOT EXISTS " + name);
        return new TestDatabase(server, name);
    }

    /** {@code chspring_<class name>_<random hex>}, lower case, a valid unquoted identifier. */
    static String newName(String className) {
        String base = className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        return "chspring_" + base + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
    }

    @Override
    public ClickHouseTestServer server() {
        return server;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return server.url() + "/" + name;
    }

    @Override
    public String url(ClickHouseCredentials credentials) {
        String serverUrl = server.url();
        int authority = serverUrl.indexOf("://") + 3;
        return serverUrl.substring(0, authority) + encode(credentials.user()) + ":" + encode(credentials.password()) + "@"
                + serverUrl.substring(authority) + "/" + name;
    }

    @Override
    public String query(String sql) {
        return HttpSql.query(server.url(), server.defaultUser(), name, sql);
    }

    @Override
    public String query(String sql, Map<String, ?> settings) {
        return HttpSql.query(server.url(), server.defaultUser(), name, sql, settings);
    }

    @Override
    public void close() {
        server.query("DROP DATABASE IF EXISTS " + name);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so any user or password fits the userinfo. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "test database " + name + " on " + server;
    }
}
