package io.chspring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One {@code GET /?query=...} over HTTP/1.0 with {@code Connection: close}, for the server's own start-up checks.
 *
 * <p>Why not the JDK HttpClient here: its pool keeps the connection open, and a stopping server waits for idle
 * keep-alive connections (up to {@code keep_alive_timeout}, 3 s) before it exits, which made every
 * {@link LocalClickHouseServer#stop()} take 3 s. A GET runs as readonly, which is all a probe needs.
 */
final class LoopbackProbe {

    private static final int MAX_BODY = 64 * 1024;

    private LoopbackProbe() {
    }

    /** The body of a 200 answer, or empty when the server does not answer (yet) or answers otherwise. */
    static Optional<String> get(int port, String sql, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8) + " HTTP/1.0\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            if (headerEnd < 0 || !response.startsWith("HTTP/1.") || !response.substring(9, 12).equals("200")) {
                return Optional.empty();
            }
            return Optional.of(response.substring(headerEnd + 4));
        } catch (IOException | StringIndexOutOfBoundsException notReady) {
            // Refused or cut off while the server is still loading: the caller polls again.
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("probe answer longer than " + MAX_BODY + " bytes");
        }
        return bytes;
    }
}
