package io.chspring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback forwarder that records the target (path and query string) and body of every HTTP request passing through
 * it, so that wrk can send exactly what our client sends: on 18.16 a typed read's repeated query goes out as the
 * caller's SQL asking for Native (its header is checked), or wrapped in the result-shape check for types the header
 * check cannot take; the format is in the query string. Plain HTTP/1.1 with Content-Length bodies, which is what our
 * client sends for queries.
 */
final class RequestCapture implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request: its target ({@code /?query_id=...&default_format=...}) and body. */
    record Request(String target, String body) {
    }

    RequestCapture(String targetUrl) throws IOException {
        this.target = URI.create(targetUrl);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "request-capture");
        accept.setDaemon(true);
        accept.start();
    }

    /** The base URL (no path) to give the client instead of the target's. */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The requests seen so far, in order. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                daemon(() -> forward(client, server));
                daemon(() -> pipe(server, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client, Socket server) {
        try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                String[] parts = requestLine.split(" ");
                requests.add(new Request(parts.length > 1 ? parts[1] : "", new String(body, StandardCharsets.UTF_8)));
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed its connection
        }
    }

    /** The request line and headers up to the blank line, or null at the end of the connection. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // either side closed
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "request-capture-io");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
