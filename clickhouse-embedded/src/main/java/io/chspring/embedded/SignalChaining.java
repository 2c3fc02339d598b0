package io.chspring.embedded;

import io.chspring.client.ClickHouseConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Makes sure HotSpot's signal chaining ({@code libjsig.so}) is in the process before chDB is loaded. chDB installs
 * its own SIGSEGV/SIGBUS/SIGFPE/SIGILL/SIGTRAP handlers over the JVM's; the JVM relies on SIGSEGV for implicit null
 * checks and safepoints, so without chaining it dies with SIGSEGV soon after the first connect
 * (see the HotSpot "Signal Chaining" section of the JDK troubleshooting guide). With {@code libjsig.so} preloaded,
 * chDB's {@code sigaction} calls are recorded and HotSpot keeps its handlers first, passing on only what is not its
 * own. {@code chdb_set_signal_handlers_enabled(0)} is no substitute: it resets the handlers to SIG_DFL.
 */
final class SignalChaining {

    private static final Path MAPS = Path.of("/proc/self/maps");

    private SignalChaining() {
    }

    /** Fails with the exact remedy unless libjsig.so is mapped into this process. */
    static void require() {
        if (!isActive(MAPS)) {
            throw new ClickHouseConfigurationException(missingMessage(System.getProperty("java.home")));
        }
    }

    /** Whether a {@code libjsig.so} appears among the mapped files listed in {@code maps}. */
    static boolean isActive(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.endsWith("/libjsig.so"));
        } catch (IOException | java.io.UncheckedIOException e) {
            // No /proc (not Linux): chDB ships for Linux only, so this is not a usable platform anyway.
            return false;
        }
    }

    static String missingMessage(String javaHome) {
        String jsig = Path.of(javaHome, "lib", "libjsig.so").toString();
        return "The embedded chDB engine needs HotSpot signal chaining, which is not active in this JVM: chDB replaces "
                + "the JVM's SIGSEGV handler and the JVM would crash. Start the JVM with the environment variable "
                + "LD_PRELOAD=" + jsig + " (in Maven Surefire: <environmentVariables><LD_PRELOAD>${java.home}/lib/"
                + "libjsig.so</LD_PRELOAD></environmentVariables>; in a shell: export LD_PRELOAD=" + jsig + ")";
    }
}
