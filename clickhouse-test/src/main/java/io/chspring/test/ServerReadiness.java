package io.chspring.test;

import io.chspring.client.ClickHouseException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waits until a freshly launched server answers {@code SELECT 1}, or explains with its logs why it does not. */
final class ServerReadiness {

    private static final int TAIL_LINES = 20;
    private static final int TAIL_BYTES = 16 * 1024;

    private ServerReadiness() {
    }

    static void await(LocalClickHouseServer server, Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                String tail = logTail(server.directory());
                String message = "ClickHouse server " + server.binary() + " exited with status " + process.exitValue()
                        + " during start on port " + server.port() + "; logs in " + server.directory().resolve("log") + "\n" + tail;
                if (tail.contains("Address already in use")) {
                    throw new LocalClickHouseServer.PortTakenException(message);
                }
                throw new ClickHouseException(message);
            }
            if (answers(server.port())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                server.stop();
                throw new ClickHouseException("ClickHouse server " + server.binary() + " did not answer SELECT 1 on "
                        + server.url() + " within " + timeout.toSeconds() + " s; logs in "
                        + server.directory().resolve("log") + "\n" + logTail(server.directory()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                server.stop();
                Thread.currentThread().interrupt();
                throw new ClickHouseException("interrupted while waiting for the ClickHouse server to start", e);
            }
        }
    }

    /** Waits until a second listener of a server that already answers on HTTP accepts connections. */
    static void awaitListening(LocalClickHouseServer server, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    server.stop();
                    throw new ClickHouseException("ClickHouse server " + server.binary() + " answers on HTTP but does not listen on port "
                            + port + " within " + timeout.toSeconds() + " s; logs in " + server.directory().resolve("log") + "\n"
                            + logTail(server.directory()));
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                server.stop();
                Thread.currentThread().interrupt();
                throw new ClickHouseException("interrupted while waiting for the ClickHouse server to listen on " + port, e);
            }
        }
    }

    private static boolean answers(int port) {
        return LoopbackProbe.get(port, "SELECT 1", 2000).map(body -> body.strip().equals("1")).orElse(false);
    }

    /** The last 16 KiB of a log, which can grow to 50 MB. */
    private static String tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The last lines of the server's error log and of its stderr. */
    static String logTail(Path directory) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("clickhouse-server.err.log", "stderr.log")) {
            Path file = directory.resolve("log").resolve(name);
            if (Files.isRegularFile(file)) {
                out.append("--- ").append(name).append(" (last ").append(TAIL_LINES).append(" lines)\n");
                try {
                    List<String> lines = tail(file).lines().toList();
                    lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())
                            .forEach(line -> out.append(line).append('\n'));
                } catch (IOException e) {
                    out.append("unreadable: ").append(e.getMessage()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
