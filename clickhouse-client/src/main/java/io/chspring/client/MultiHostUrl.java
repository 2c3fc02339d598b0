package io.chspring.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a URL that lists several hosts, {@code http://[user[:password]@]h1[:port],h2[:port],.../db?...}, into
 * the same URL with only the first host (read as before by {@link ClickHouseUrl}) and the list of hosts. An item
 * may repeat the scheme ({@code http://h1,http://h2}); a different one is an error, as is an item that is not
 * {@code host[:port]}. Messages name the item by position and text, never the user info.
 */
final class MultiHostUrl {

    /**
     * @param singleHostUrl the URL with the first host only
     * @param hosts every host with its port, or -1 for the scheme's default port
     */
    record Split(String singleHostUrl, List<HostPort> hosts) {
    }

    /** One {@code host[:port]} item; an IPv6 host keeps its brackets. */
    record HostPort(String host, int port) {
    }

    private MultiHostUrl() {
    }

    /** Whether {@code url} lists more than one host. */
    static boolean isMultiHost(String url) {
        int start = authorityStart(url);
        if (start < 0) {
            return false;
        }
        String authority = url.substring(start, authorityEnd(url, start));
        return hostList(authority).indexOf(',') >= 0;
    }

    static Split split(String url) {
        String trimmed = url.strip();
        int start = authorityStart(trimmed);
        if (start < 0) {
            throw new ClickHouseConfigurationException("The ClickHouse URL has no '://' after its scheme");
        }
        String scheme = trimmed.substring(0, start - 3).toLowerCase(Locale.ROOT);
        int end = authorityEnd(trimmed, start);
        String authority = trimmed.substring(start, end);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String[] items = hostList(authority).split(",", -1);
        List<HostPort> hosts = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            hosts.add(item(scheme, items[i].strip(), i + 1));
        }
        HostPort first = hosts.get(0);
        String firstHost = first.host() + (first.port() < 0 ? "" : ":" + first.port());
        return new Split(trimmed.substring(0, start) + userInfo + firstHost + trimmed.substring(end), List.copyOf(hosts));
    }

    private static HostPort item(String scheme, String item, int position) {
        String text = item;
        int sep = text.indexOf("://");
        if (sep >= 0) {
            String own = text.substring(0, sep).toLowerCase(Locale.ROOT);
            if (!own.equals(scheme)) {
                throw new ClickHouseConfigurationException("Endpoint " + position + " of the ClickHouse URL ('" + item
                        + "') is " + own + "://, the URL is " + scheme + "://: all endpoints must use one scheme");
            }
            text = text.substring(sep + 3);
        }
        if (text.isEmpty()) {
            throw new ClickHouseConfigurationException("Endpoint " + position + " of the ClickHouse URL is empty "
                    + "(two commas in a row, or a comma at the end of the host list)");
        }
        URI uri;
        try {
            uri = new URI("http://" + text);
        } catch (URISyntaxException e) {
            throw malformed(item, position, e.getReason());
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawPath().length() > 0
                || uri.getRawQuery() != null) {
            throw malformed(item, position, "expected host or host:port");
        }
        if (text.endsWith(":")) {
            throw malformed(item, position, "the port is empty");
        }
        return new HostPort(uri.getHost(), uri.getPort());
    }

    private static ClickHouseConfigurationException malformed(String item, int position, String reason) {
        return new ClickHouseConfigurationException("Endpoint " + position + " of the ClickHouse URL ('" + item
                + "') is malformed: " + reason + " (letters, digits, '-' and '.', or [IPv6], then an optional :port)");
    }

    private static int authorityStart(String url) {
        int sep = url.indexOf("://");
        return sep < 0 ? -1 : sep + 3;
    }

    /**
     * The end of the authority: the first '/', '?' or '#' after it, skipping over the scheme of a later item
     * ({@code http://h1,https://h2/db}).
     */
    private static int authorityEnd(String url, int start) {
        int i = start;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' && url.startsWith("://", i - 1)) {
                i += 2;
                continue;
            }
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
            i++;
        }
        return url.length();
    }

    private static String hostList(String authority) {
        return authority.substring(authority.lastIndexOf('@') + 1);
    }
}
