package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/** Builds the HTTP request for a {@link TransportRequest}: URL parameters, headers and body. */
final class HttpRequests {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String[] NO_NAMES = new String[0];
    /** URL parameters the transport sets itself; a setting of the same name would be ambiguous. */
    private static final Set<String> RESERVED = Set.of(ClickHouseHttp.PARAM_QUERY, ClickHouseHttp.PARAM_DATABASE,
            ClickHouseHttp.PARAM_QUERY_ID, ClickHouseHttp.PARAM_SESSION_ID, ClickHouseHttp.PARAM_SESSION_TIMEOUT,
            ClickHouseHttp.PARAM_COMPRESS, ClickHouseHttp.PARAM_DECOMPRESS, ClickHouseHttp.PARAM_USER,
            ClickHouseHttp.PARAM_PASSWORD);
    private static final String MULTIPART = "multipart/";

    /** The endpoint without a query, parsed once: each request only sets its path and query on a copy. */
    private final URI base;
    /** The endpoint's path and the '?' before the query string. */
    private final String pathAndMark;
    private final Header[] headers;

    HttpRequests(HttpTransportOptions options) {
        URI endpoint = options.endpoint().uri();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.base = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path);
        this.pathAndMark = path + "?";
        this.headers = headers(options, base).toArray(new Header[0]);
    }

    /** The POST for a request; {@code config} carries its timeouts. */
    HttpPost build(TransportRequest request, RequestConfig config) {
        // new HttpPost(String) parsed the whole URL (query string included) into a java.net.URI on every request;
        // the parsed endpoint gives scheme and authority, and the path with its query string is set as it is.
        HttpPost post = new HttpPost(base);
        post.setPath(pathAndMark + queryString(request));
        post.setConfig(config);
        for (Header header : headers) {
            post.addHeader(header);
        }
        request.headers().forEach(post::setHeader);
        if (request.body() == null) {
            post.setEntity(new SqlBody(request.sql()));
        } else {
            String type = request.body().contentType();
            post.setEntity(new StreamingBody(request.body(), request.compressRequest(), request.requestCodec(),
                    request.idempotent(), type == null ? ClickHouseHttp.CONTENT_TYPE_DATA : type));
            if (type != null && type.startsWith(MULTIPART)) {
                // 18.16 leaves part of a multipart request unread on the connection: the next request sent on it
                // got HTTP 400 with an empty body (ExternalDataIntegrationTests). Such a connection is not reused.
                post.setHeader(ClickHouseHttp.HEADER_CONNECTION, "close");
            }
        }
        return post;
    }

    /**
     * The URL query string. With a body the SQL goes into {@code query}; without one it is the body (the 18.x
     * server reads GET requests as readonly, so everything is a POST). Settings and parameters are sorted so
     * that the same request always has the same URL.
     */
    static String queryString(TransportRequest r) {
        StringBuilder q = new StringBuilder(256);
        append(q, ClickHouseHttp.PARAM_QUERY_ID, r.queryId());
        if (r.database() != null) {
            append(q, ClickHouseHttp.PARAM_DATABASE, r.database());
        }
        if (r.sessionId() != null) {
            append(q, ClickHouseHttp.PARAM_SESSION_ID, r.sessionId());
            if (r.sessionTimeout() != null) {
                append(q, ClickHouseHttp.PARAM_SESSION_TIMEOUT, Long.toString(sessionSeconds(r)));
            }
        }
        if (r.compressResponse()) {
            append(q, ClickHouseHttp.PARAM_COMPRESS, "1");
        }
        if (r.compressRequest() && r.body() != null) {
            // A compressed body is read as data only; the SQL must be in the URL (MATRIX.md, Compression).
            append(q, ClickHouseHttp.PARAM_DECOMPRESS, "1");
        }
        Map<String, String> settings = r.settings();
        for (String name : sortedNames(settings)) {
            checkName("setting", name);
            if (RESERVED.contains(name) || name.startsWith(ClickHouseHttp.PARAM_PREFIX)) {
                throw new ClickHouseConfigurationException("setting '" + name
                        + "' is reserved by the transport; use the request's own field (query id, database, "
                        + "session, compression) or query parameters");
            }
            append(q, name, checkValue("setting", name, settings.get(name)));
        }
        Map<String, String> parameters = r.parameters();
        for (String name : sortedNames(parameters)) {
            checkName("query parameter", name);
            separate(q).append(ClickHouseHttp.PARAM_PREFIX);
            appendEncoded(q.append(name).append('='), checkValue("query parameter", name, parameters.get(name)));
        }
        if (r.body() != null) {
            append(q, ClickHouseHttp.PARAM_QUERY, r.sql());
        }
        return q.toString();
    }

    private static long sessionSeconds(TransportRequest r) {
        long seconds = r.sessionTimeout().toSeconds();
        if (seconds < 1) {
            throw new ClickHouseConfigurationException("sessionTimeout must be at least 1 second, was "
                    + r.sessionTimeout());
        }
        return seconds;
    }

    /** The names in natural order (a TreeMap's), without copying the map. */
    private static String[] sortedNames(Map<String, String> map) {
        if (map.isEmpty()) {
            return NO_NAMES;
        }
        String[] names = map.keySet().toArray(NO_NAMES);
        Arrays.sort(names);
        return names;
    }

    static void checkName(String kind, String name) {
        if (name == null || !isName(name)) {
            throw new ClickHouseConfigurationException(kind + " name '" + name + "' must match [A-Za-z0-9_]+");
        }
    }

    /** Whether {@code name} matches {@code [A-Za-z0-9_]+}; a loop, as a regex cost every setting of every request. */
    static boolean isName(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String checkValue(String kind, String name, String value) {
        if (value == null) {
            throw new ClickHouseConfigurationException(kind + " '" + name + "' has no value");
        }
        return value;
    }

    private static void append(StringBuilder q, String name, String value) {
        appendEncoded(separate(q).append(name).append('='), value);
    }

    private static StringBuilder separate(StringBuilder q) {
        if (!q.isEmpty()) {
            q.append('&');
        }
        return q;
    }

    /** Percent-encodes every byte but RFC 3986 unreserved characters ('+' would not reliably mean space). */
    static String encode(String value) {
        return appendEncoded(new StringBuilder(value.length() + 16), value).toString();
    }

    private static StringBuilder appendEncoded(StringBuilder out, String value) {
        int n = value.length();
        int i = 0;
        // most values (ids, numbers, format names) are all unreserved ASCII: copied without a UTF-8 byte array
        while (i < n && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return out.append(value);
        }
        out.append(value, 0, i);
        byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out;
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static List<Header> headers(HttpTransportOptions options, URI base) {
        List<Header> list = new ArrayList<>();
        // HttpCore's RequestTargetHost formats the request's authority into a new Host header on every request
        list.add(new BasicHeader(ClickHouseHttp.HEADER_HOST, base.getRawAuthority()));
        // Set here, not on HttpClient's builder: the minimal client (HttpTransport) would send its own default. A
        // User-Agent among the caller's headers wins, as it did over the builder's.
        if (options.headers().keySet().stream().noneMatch(ClickHouseHttp.HEADER_USER_AGENT::equalsIgnoreCase)) {
            list.add(new BasicHeader(ClickHouseHttp.HEADER_USER_AGENT, UserAgent.of(options.userAgent())));
        }
        // Exactly one authentication method: 18.16 rejects a request that mixes them (code 194).
        if (options.bearerToken() != null) {
            list.add(new BasicHeader(ClickHouseHttp.HEADER_AUTHORIZATION, "Bearer " + options.bearerToken(), true));
        } else if (options.user() != null && options.basicAuth()) {
            String pair = options.user() + ":" + options.password();
            list.add(new BasicHeader(ClickHouseHttp.HEADER_AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), true));
        } else if (options.user() != null) {
            list.add(new BasicHeader(ClickHouseHttp.HEADER_USER, options.user()));
            list.add(new BasicHeader(ClickHouseHttp.HEADER_KEY, options.password(), true));
        }
        options.headers().forEach((name, value) -> list.add(new BasicHeader(name, value, true)));
        return list;
    }
}
