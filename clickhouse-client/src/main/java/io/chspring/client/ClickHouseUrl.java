package io.chspring.client;

import io.chspring.client.cluster.LoadBalancing;
import io.chspring.client.rowbinary.TimeZoneRule;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Reads a connection URL into a {@link ClickHouseClientBuilder}:
 * {@code http(s)://[user[:password]@]host[:port][/database][?key=value&...]}. The grammar and the keys are
 * documented on {@link ClickHouseClient#fromUrl(String)}. No message ever quotes the URL as a whole or its
 * password: a malformed URL is described by the part at fault.
 */
final class ClickHouseUrl {

    private ClickHouseUrl() {
    }

    static void apply(String url, ClickHouseClientBuilder b) {
        if (url == null || url.isBlank()) {
            throw new ClickHouseConfigurationException("The ClickHouse URL is empty");
        }
        String scheme = scheme(url.strip());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            provider(scheme).apply(url.strip(), b);
            return;
        }
        if (MultiHostUrl.isMultiHost(url)) {
            applyMultiHost(url, b);
            return;
        }
        applySingle(url, b, false);
    }

    /**
     * {@code http://h1:8123,h2:8123/db?...}: the rest of the URL is read as for one host; the hosts become the
     * endpoints, each with the port of the scheme in effect (after {@code ssl=true}) when it has none.
     */
    private static void applyMultiHost(String url, ClickHouseClientBuilder b) {
        MultiHostUrl.Split split = MultiHostUrl.split(url);
        applySingle(split.singleHostUrl(), b, true);
        String scheme = b.endpoint.getScheme();
        int defaultPort = scheme.equals("https") ? 8443 : 8123;
        List<URI> endpoints = new ArrayList<>();
        for (MultiHostUrl.HostPort h : split.hosts()) {
            String host = h.host().startsWith("[") ? h.host().substring(1, h.host().length() - 1) : h.host();
            try {
                endpoints.add(new URI(scheme, null, host, h.port() < 0 ? defaultPort : h.port(), null, null, null));
            } catch (URISyntaxException e) {
                throw new ClickHouseConfigurationException("Cannot build an endpoint from host " + h.host() + ": "
                        + e.getReason());
            }
        }
        b.endpoints(endpoints);
    }

    private static void applySingle(String url, ClickHouseClientBuilder b, boolean severalHosts) {
        String scheme = scheme(url.strip());
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // e.getMessage() quotes the input, which may contain the password; only the reason and position go out.
            throw new ClickHouseConfigurationException("Malformed ClickHouse URL: " + e.getReason() + " at index "
                    + e.getIndex() + " (percent-encode reserved characters such as '@', '/', '#' in passwords)");
        }
        if (uri.getRawFragment() != null) {
            throw new ClickHouseConfigurationException("The ClickHouse URL has a fragment ('#'); percent-encode '#' "
                    + "as %23 if it belongs to the password");
        }
        checkPort(uri.getRawAuthority());
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ClickHouseConfigurationException("The ClickHouse URL has no valid host name (letters, digits, "
                    + "'-' and '.', or an IPv6 address in [brackets]; '_' is not allowed in URL host names)");
        }
        applyUserInfo(uri.getRawUserInfo(), b);
        boolean secure = scheme.equals("https");
        Boolean sslOption = null;
        String database = database(uri.getRawPath());
        Set<String> seen = new HashSet<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq), "a query key");
                if (eq < 0) {
                    throw new ClickHouseConfigurationException("URL key '" + key + "' has no value (expected "
                            + key + "=...)");
                }
                if (!seen.add(key)) {
                    throw new ClickHouseConfigurationException("URL key '" + key + "' is given twice");
                }
                String value = decode(pair.substring(eq + 1), "the value of URL key '" + key + "'");
                switch (key) {
                    case "compression" -> b.compression(compression(value), b.compressionLevel);
                    case "compression_level" -> b.compressionLevel(level(value));
                    case "connect_timeout" -> b.connectTimeout(duration(key, value));
                    case "socket_timeout", "response_timeout" -> b.responseTimeout(duration(key, value));
                    case "max_connections" -> b.maxConnectionsTotal(integer(key, value));
                    case "max_connections_per_route" -> b.maxConnectionsPerRoute(integer(key, value));
                    case "ssl", "secure" -> sslOption = bool(key, value);
                    case "database" -> {
                        if (database != null) {
                            throw new ClickHouseConfigurationException("The database is given both in the URL path "
                                    + "and as URL key 'database'");
                        }
                        database = value;
                    }
                    case "cluster" -> b.cluster(value);
                    // The server has a load_balancing setting of its own (replica choice of Distributed queries):
                    // with one host the key stays that setting, as it always was.
                    case "load_balancing" -> {
                        if (severalHosts) {
                            b.loadBalancing(LoadBalancing.fromName(value));
                        } else {
                            b.setting(key, value);
                        }
                    }
                    case "session_id" -> b.session(value);
                    // seconds when bare, as the server reads its own session_timeout parameter
                    case "session_timeout" -> b.sessionTimeout(value.strip().matches("[0-9]{1,9}")
                            ? Duration.ofSeconds(Long.parseLong(value.strip())) : duration(key, value));
                    case "time_zone_rule" -> b.timeZoneRule(timeZoneRule(value));
                    case "user" -> b.user(value);
                    case "password" -> b.password(value);
                    default -> b.setting(key, value);
                }
            }
        }
        if (sslOption != null) {
            if (!sslOption && secure) {
                throw new ClickHouseConfigurationException("URL key 'ssl' is false but the scheme is https");
            }
            secure = sslOption;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : (secure ? 8443 : 8123);
        try {
            b.endpoint(new URI(secure ? "https" : "http", null, host, port, null, null, null));
        } catch (URISyntaxException e) {
            throw new ClickHouseConfigurationException("Cannot build an endpoint from host " + host + ": "
                    + e.getReason());
        }
        if (database != null) {
            b.database(database);
        }
    }

    /**
     * {@link URI} takes an authority with a bad port as a registry name (no host at all) and accepts ports above
     * 65535, so the port is checked first, by itself, to name the real fault.
     */
    private static void checkPort(String rawAuthority) {
        if (rawAuthority == null) {
            return;
        }
        String hostPort = rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.lastIndexOf(']') > colon) {
            return;
        }
        String port = hostPort.substring(colon + 1);
        if (port.isEmpty()) {
            return;
        }
        int value = -1;
        if (port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            value = Integer.parseInt(port);
        }
        if (value < 1 || value > 65535) {
            throw new ClickHouseConfigurationException("The ClickHouse URL has an invalid port '"
                    + (port.length() > 20 ? port.substring(0, 20) + "..." : port)
                    + "': expected a number from 1 to 65535");
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The module serving a non-http scheme, such as clickhouse-embedded for {@code chdb:}. */
    private static ClickHouseUrlScheme provider(String scheme) {
        for (ClickHouseUrlScheme provider : ServiceLoader.load(ClickHouseUrlScheme.class,
                ClickHouseUrl.class.getClassLoader())) {
            if (provider.scheme().equals(scheme)) {
                return provider;
            }
        }
        if (scheme.equals("chdb")) {
            throw new ClickHouseConfigurationException("The chdb: scheme is served by the embedded chDB engine: add "
                    + "the io.chspring:clickhouse-embedded module to the classpath, or use an http:// or https:// URL");
        }
        throw new ClickHouseConfigurationException("Unsupported ClickHouse URL scheme '"
                + (scheme.length() > 20 ? "?" : scheme) + "': expected http:// or https://");
    }

    private static String database(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return null;
        }
        String path = rawPath.substring(1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty() || path.contains("/")) {
            throw new ClickHouseConfigurationException("The URL path must be a single database name, like /mydb; "
                    + "for a proxy path prefix use builder().endpoint(...)");
        }
        return decode(path, "the database name");
    }

    private static void applyUserInfo(String rawUserInfo, ClickHouseClientBuilder b) {
        if (rawUserInfo == null) {
            return;
        }
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon), "the user name");
        String password = colon < 0 ? null : decode(rawUserInfo.substring(colon + 1), "the password");
        if (!user.isEmpty()) {
            b.user(user);
        }
        if (password != null) {
            b.password(password);
        }
    }

    /** Strict RFC 3986 percent-decoding to UTF-8; '+' stays '+'. {@code what} names the part in errors. */
    static String decode(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int percent = raw.indexOf('%', i);
            if (percent != i) {
                int end = percent < 0 ? raw.length() : percent;
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            int hi = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
            int lo = hi >= 0 ? hex(raw.charAt(i + 2)) : -1;
            if (lo < 0) {
                throw new ClickHouseConfigurationException("Bad percent-encoding in " + what + " of the URL at "
                        + "character " + i + " (expected %XX)");
            }
            bytes.write(hi << 4 | lo);
            i += 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new ClickHouseConfigurationException("Percent-decoding " + what + " of the URL does not give valid "
                    + "UTF-8");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static TimeZoneRule timeZoneRule(String value) {
        try {
            return TimeZoneRule.fromName(value);
        } catch (IllegalArgumentException e) {
            throw new ClickHouseConfigurationException("URL key 'time_zone_rule': " + e.getMessage(), e);
        }
    }

    private static Compression compression(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "lz4", "true", "1" -> Compression.LZ4;
            case "lz4hc" -> Compression.LZ4HC;
            case "zstd" -> Compression.ZSTD;
            case "none", "false", "0" -> Compression.NONE;
            default -> throw new ClickHouseConfigurationException(
                    "URL key 'compression' must be lz4, lz4hc, zstd or none, not '" + value + "'");
        };
    }

    private static int level(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ClickHouseConfigurationException("URL key 'compression_level' must be an integer, not '" + value
                    + "'", e);
        }
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ClickHouseConfigurationException("URL key '" + key + "' must be true or false, not '"
                    + value + "'");
        };
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ClickHouseConfigurationException("URL key '" + key + "' must be an integer, not '" + value + "'");
        }
    }

    /** Milliseconds when bare digits, else a number with a unit (ms, s, m, h), else ISO-8601 ({@code PT10S}). */
    static Duration duration(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.strip());
            }
            int unitAt = 0;
            while (unitAt < v.length() && Character.isDigit(v.charAt(unitAt))) {
                unitAt++;
            }
            if (unitAt > 0 && unitAt <= 12) {
                long n = Long.parseLong(v.substring(0, unitAt));
                switch (v.substring(unitAt)) {
                    case "", "ms" -> {
                        return Duration.ofMillis(n);
                    }
                    case "s" -> {
                        return Duration.ofSeconds(n);
                    }
                    case "m", "min" -> {
                        return Duration.ofMinutes(n);
                    }
                    case "h" -> {
                        return Duration.ofHours(n);
                    }
                    default -> {
                    }
                }
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw badDuration(key, value);
        }
        throw badDuration(key, value);
    }

    private static ClickHouseConfigurationException badDuration(String key, String value) {
        return new ClickHouseConfigurationException("URL key '" + key + "' must be a duration (milliseconds, or "
                + "500ms, 10s, 2m, 1h, PT10S), not '" + value + "'");
    }
}
