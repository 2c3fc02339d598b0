package io.chspring.client.transport;

import io.chspring.client.ClickHouseConfigurationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicHeader;

/** Builds the HTTP request for a {@link TransportRequest}: URL parameters, headers and body. */
final class HttpRequests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** URL parameters the transport sets itself; a setting of the same name would be ambiguous. */
    private static final Set<String> RESERVED = Set.of(ClickHouseHttp.PARAM_QUERY, ClickHouseHttp.PARAM_DATABASE,
            ClickHouseHttp.PARAM_QUERY_ID, ClickHouseHttp.PARAM_SESSION_ID, ClickHouseHttp.PARAM_SESSION_TIMEOUT,
            ClickHouseHttp.PARAM_COMPRESS, ClickHouseHttp.PARAM_DECOMPRESS, ClickHouseHttp.PARAM_USER,
            ClickHouseHttp.PARAM_PASSWORD);
    private static final ContentType SQL = ContentType.parse(ClickHouseHttp.CONTENT_TYPE_SQL);
    private static final ContentType DATA = ContentType.parse(ClickHouseHttp.CONTENT_TYPE_DATA);
    private static final String MULTIPART = "multipart/";

    private final String base;
    private final List<Header> headers;

    HttpRequests(HttpTransportOptions options) {
        URI endpoint = options.endpoint().uri();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.base = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path;
        this.headers = List.copyOf(headers(options));
    }

    /** The POST for a request; {@code config} carries its timeouts. */
    HttpPost build(TransportRequest request, RequestConfig config) {
        HttpPost post = new HttpPost(base + "?" + queryString(request));
        post.setConfig(config);
        headers.forEach(post::addHeader);
        request.headers().forEach(post::setHeader);
        if (request.body() == null) {
            post.setEntity(new StringEntity(request.sql(), SQL));
        } else {
            String type = request.body().contentType();
            post.setEntity(new StreamingBody(request.body(), request.compressRequest(), request.requestCodec(),
                    request.idempotent(), type == null ? DATA : ContentType.parse(type)));
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
        StringBuilder q = new StringBuilder();
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
        for (Map.Entry<String, String> s : new TreeMap<>(r.settings()).entrySet()) {
            String name = s.getKey();
            checkName("setting", name);
            if (RESERVED.contains(name) || name.startsWith(ClickHouseHttp.PARAM_PREFIX)) {
                throw new ClickHouseConfigurationException("setting '" + name
                        + "' is reserved by the transport; use the request's own field (query id, database, "
                        + "session, compression) or query parameters");
            }
            append(q, name, checkValue("setting", name, s.getValue()));
        }
        for (Map.Entry<String, String> p : new TreeMap<>(r.parameters()).entrySet()) {
            checkName("query parameter", p.getKey());
            append(q, ClickHouseHttp.PARAM_PREFIX + p.getKey(), checkValue("query parameter", p.getKey(), p.getValue()));
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

    private static void checkName(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ClickHouseConfigurationException(kind + " name '" + name + "' must match [A-Za-z0-9_]+");
        }
    }

    private static String checkValue(String kind, String name, String value) {
        if (value == null) {
            throw new ClickHouseConfigurationException(kind + " '" + name + "' has no value");
        }
        return value;
    }

    private static void append(StringBuilder q, String name, String value) {
        if (!q.isEmpty()) {
            q.append('&');
        }
        q.append(name).append('=').append(encode(value));
    }

    /** Percent-encodes every byte but RFC 3986 unreserved characters ('+' would not reliably mean space). */
    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static List<Header> headers(HttpTransportOptions options) {
        List<Header> list = new ArrayList<>();
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
