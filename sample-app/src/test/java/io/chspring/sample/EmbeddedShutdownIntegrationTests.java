package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM with rows pending in the Inserter, on the embedded engine: the JVM's shutdown hooks run at the same time,
 * Spring Boot's (graceful web server stop, then the context: Inserter beans flush, then the client closes) and the
 * engine's own (it shuts chDB down before exit). The last flush must reach the engine every time. The sample
 * application runs in a JVM of its own on a data directory, is stopped with SIGTERM right after its rows were
 * accepted, 20 times; each run's log must show the engine shut down only after the context closed the client (and,
 * before it, the Inserter bean), and in the end a separate JVM counts the rows on disk.
 */
class EmbeddedShutdownIntegrationTests {

    private static final int RUNS = 20;
    private static final int ROWS_PER_RUN = 100;

    @TempDir
    Path dir;

    @Test
    void everyRowPendingAtSigtermIsStored() throws Exception {
        Path data = dir.resolve("data");
        List<Integer> exitCodes = new ArrayList<>();
        List<String> earlyShutdowns = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            int port = freePort();
            Path log = dir.resolve("run-" + run + ".log");
            Process app = java(log, "io.chspring.sample.SampleApplication", "--server.port=" + port,
                    "--sample.embedded.path=" + data, "--clickhouse.inserter.tables.page_views.period=1h",
                    "--clickhouse.inserter.tables.page_views.max-rows=1000000", "--logging.level.root=INFO",
                    "--logging.level.org.springframework.beans.factory.support.DisposableBeanAdapter=TRACE");
            try {
                awaitLine(app, log, "Started SampleApplication", Duration.ofSeconds(180));
                List<String> events = new ArrayList<>();
                for (int i = 0; i < ROWS_PER_RUN; i++) {
                    events.add("{\"path\": \"/r" + run + "\", \"userId\": \"u" + i + "\", \"durationMs\": 1}");
                }
                SampleHttp.Response accepted = new SampleHttp(port).post("/events",
                        "[" + String.join(",", events) + "]");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                app.destroy(); // SIGTERM
                assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("run %d exits after SIGTERM", run).isTrue();
                exitCodes.add(app.exitValue());
            } finally {
                app.destroyForcibly();
            }
            // 143 is the JVM's exit after SIGTERM; 134 (abort) or 139 (SIGSEGV) would mean chDB crashed the JVM
            assertThat(app.exitValue()).as("run %d exit code; log:%n%s", run, Files.readString(log)).isEqualTo(143);
            List<String> lines = Files.readAllLines(log);
            if (engineShutDownBeforeTheClientClosed(lines)) {
                earlyShutdowns.add("run " + run + ": " + lines.stream().filter(l -> l.contains("chDB engine on")
                        || l.contains("on bean with name 'pageViewInserter'")
                        || l.contains("on bean with name 'clickHouseClient'")).toList());
            }
        }
        assertThat(earlyShutdowns).as("runs whose engine shut down before the context closed the client bean, "
                + "which it does after the Inserter bean's last flush").isEmpty();
        Path log = dir.resolve("count.log");
        Process count = java(log, "io.chspring.sample.EmbeddedRowCount", data.toString());
        assertThat(count.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).as("exit codes %s", exitCodes).contains("COUNT=" + RUNS * ROWS_PER_RUN);
    }

    /**
     * Whether the engine's "shut down" line comes before the context's close of the client bean, which Spring logs at
     * TRACE after the Inserter bean's close (its last flush) returned. After that close the line may be missing: Spring
     * Boot stops the logging system at the end of its shutdown hook, racing the engine's hook.
     */
    private static boolean engineShutDownBeforeTheClientClosed(List<String> log) {
        int clientClosed = -1;
        int engineDown = -1;
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            if (line.contains("Invoking close() on bean with name 'clickHouseClient'")) {
                clientClosed = i;
            } else if (line.contains("chDB engine on") && line.contains("shut down")) {
                engineDown = i;
            }
        }
        return engineDown >= 0 && (clientClosed < 0 || engineDown < clientClosed);
    }

    private static Process java(Path log, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        // LD_PRELOAD (HotSpot signal chaining, which chDB needs) is inherited from this JVM's environment
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Process app, Path log, String line, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(line)) {
                return;
            }
            if (!app.isAlive()) {
                throw new AssertionError("the application exited before '" + line + "':\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
