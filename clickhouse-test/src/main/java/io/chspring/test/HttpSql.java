package io.chspring.test;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one SQL statement over ClickHouse's HTTP interface with the JDK's HttpClient. The harness uses it
 * instead of our own client, which is what the tests are testing.
 */
final class HttpSql {

    /** Status and body of one answer. */
    record Response(int status, String body) {

        boolean ok() {
            return status == 200;
        }

        /** The ClickHouse error code in the body ({@code Code: 164, e.displayText()...} or {@code Code: 164. DB::...}), or 0. */
        int errorCode() {
            Matcher m = ERROR_CODE.matcher(body);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private static final Pattern ERROR_CODE = Pattern.compile("Code: (\\d+)");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpSql() {
    }

    /**
     * POSTs {@code sql} to {@code baseUrl}; {@code database} may be {@code null} for the user's default database.
     *
     * <p>Retries once on an I/O error: the server closes idle keep-alive connections after its
     * {@code keep_alive_timeout} (3 s on our local servers), the JDK client can still pick such a connection
     * from its pool, and a request sent on it never reached the server.
     */
    static Response send(String baseUrl, ClickHouseCredentials user, String database, String sql, Duration timeout) {
        return send(baseUrl, user, database, sql, Map.of(), timeout);
    }

    /** Like {@link #send(String, ClickHouseCredentials, String, String, Duration)}, with settings as URL parameters. */
    static Response send(String baseUrl, ClickHouseCredentials user, String database, String sql,
            Map<String, ?> settings, Duration timeout) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        if (database != null) {
            parameters.add("database=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        }
        settings.forEach((name, value) -> parameters.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        String uri = baseUrl + "/" + parameters;
        String basic = Base64.getEncoder().encodeToString((user.user() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        IOException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.body());
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClickHouseTransportException("interrupted while waiting for " + baseUrl, e);
            }
        }
        throw new ClickHouseTransportException("no answer from ClickHouse at " + baseUrl + ": " + first, first);
    }

    /** Like {@link #send} but returns the body of a 200 answer and throws for any other. */
    static String query(String baseUrl, ClickHouseCredentials user, String database, String sql) {
        return query(baseUrl, user, database, sql, Map.of());
    }

    /** Like {@link #query(String, ClickHouseCredentials, String, String)}, with settings as URL parameters. */
    static String query(String baseUrl, ClickHouseCredentials user, String database, String sql,
            Map<String, ?> settings) {
        Response response = send(baseUrl, user, database, sql, settings, Duration.ofSeconds(60));
        if (!response.ok()) {
            throw new ClickHouseException("ClickHouse at " + baseUrl + " answered HTTP " + response.status()
                    + " as user " + user.user() + ": " + response.body().strip(), null, response.errorCode(), null, false);
        }
        return response.body();
    }
}
