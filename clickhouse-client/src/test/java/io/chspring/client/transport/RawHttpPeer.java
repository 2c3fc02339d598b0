package io.chspring.client.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket-level HTTP peer on 127.0.0.1 (port 0) for answers no well-behaved server library writes: a chunked body
 * broken off without its last chunk (as 24.x+ servers do after a mid-stream error), a connection closed before
 * any response. Each accepted connection serves one request with the given script.
 */
final class RawHttpPeer implements AutoCloseable {

    /** What to do with one connection; {@code index} counts connections from 0. */
    interface Script {
        void serve(int index, String requestHead, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    RawHttpPeer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    int index = connections.getAndIncrement();
                    String head = readRequest(socket.getInputStream());
                    script.serve(index, head, socket.getOutputStream());
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        System.err.println("raw peer: " + e);
                    }
                }
            }
        }, "raw-http-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    int connections() {
        return connections.get();
    }

    /** One chunk of a chunked body. */
    static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request head cut short");
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
