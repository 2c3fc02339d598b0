package io.chspring.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure-Java parts: parameter ranges, error texts, the INFILE rewrite, library lookup, the libjsig check. */
class EmbeddedUnitTests {

    @TempDir
    Path tmp;

    @Test
    void integerParametersAreRangeChecked() {
        ParameterRanges.check("SELECT {a:UInt8}, {b:Int8}", Map.of("a", "255", "b", "-128"));
        ParameterRanges.check("SELECT {a:UInt64}", Map.of("a", "18446744073709551615"));
        ParameterRanges.check("SELECT {a:UInt8}", Map.of("a", "\\N"));
        assertThatThrownBy(() -> ParameterRanges.check("SELECT { a : UInt8 }", Map.of("a", "256")))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("[0, 255]");
        assertThatThrownBy(() -> ParameterRanges.check("SELECT {a:LowCardinality(Nullable(UInt16))}",
                Map.of("a", "-1"))).hasMessageContaining("UInt16");
        assertThatThrownBy(() -> ParameterRanges.check("SELECT {a:Int256}", Map.of("a", "1" + "0".repeat(80))))
                .hasMessageContaining("Int256");
    }

    @Test
    void arrowResultsGetTheSerialEncoderUnlessTheRequestChoseOne() {
        Map<String, String> arrow = new HashMap<>();
        ArrowEncoding.serialUnlessChosen(arrow, "ArrowStream", "SELECT 1", () -> true);
        assertThat(arrow).containsEntry("output_format_arrow_parallel_encoding", "0");

        Map<String, String> clause = new HashMap<>();
        ArrowEncoding.serialUnlessChosen(clause, "TabSeparated", "SELECT 1 format arrow", () -> true);
        assertThat(clause).containsEntry("output_format_arrow_parallel_encoding", "0");

        Map<String, String> chosen = new HashMap<>(Map.of("output_format_arrow_parallel_encoding", "1"));
        ArrowEncoding.serialUnlessChosen(chosen, "Arrow", "SELECT 1", () -> true);
        assertThat(chosen).containsEntry("output_format_arrow_parallel_encoding", "1");

        Map<String, String> rows = new HashMap<>();
        ArrowEncoding.serialUnlessChosen(rows, "RowBinary", "SELECT 'Arrow'", () -> {
            throw new AssertionError("the engine is asked only for Arrow results");
        });
        assertThat(rows).isEmpty();

        Map<String, String> older = new HashMap<>();
        ArrowEncoding.serialUnlessChosen(older, "ArrowStream", "SELECT 1", () -> false);
        assertThat(older).as("a chDB without the setting would refuse it").isEmpty();
    }

    @Test
    void errorTextsBecomeServerExceptionsWithCodeAndName() {
        var e = ChdbErrors.toException("Code: 60. DB::Exception: Unknown table expression identifier 'nope' in scope "
                + "SELECT * FROM nope. (UNKNOWN_TABLE)", "q1", 500);
        assertThat(e).isInstanceOfSatisfying(ClickHouseServerException.class, s -> {
            assertThat(s.errorCode()).isEqualTo(60);
            assertThat(s.errorName()).isEqualTo("UNKNOWN_TABLE");
            assertThat(s.serverMessage()).startsWith("DB::Exception: Unknown table").doesNotContain("(UNKNOWN_TABLE)");
            assertThat(s.queryId()).isEqualTo("q1");
        });
        var versioned = ChdbErrors.toException("Code: 62. DB::Exception: Syntax error (SYNTAX_ERROR) (version 26.5.1.1)",
                "q2", 500);
        assertThat(((ClickHouseServerException) versioned).errorName()).isEqualTo("SYNTAX_ERROR");
        assertThat(ChdbErrors.toException("Invalid or closed connection", "q3", 500))
                .isInstanceOf(ClickHouseTransportException.class);
    }

    @Test
    void insertIsRewrittenToReadTheFile() {
        Path file = Path.of("/tmp/it's.bin");
        assertThat(InfileInsert.sql("INSERT INTO `db`.`t` (`a`, `b`) FORMAT RowBinary", file))
                .isEqualTo("INSERT INTO `db`.`t` (`a`, `b`) FROM INFILE '/tmp/it\\'s.bin' COMPRESSION 'none' FORMAT "
                        + "RowBinary");
        assertThatThrownBy(() -> InfileInsert.sql("INSERT INTO t VALUES (1)", file))
                .isInstanceOf(ClickHouseConfigurationException.class);
    }

    @Test
    void spoolDeletesTheFileWhenTheWriterFails() throws IOException {
        assertThatThrownBy(() -> InfileInsert.spool(sink -> {
            sink.plain().write(1);
            throw new IOException("boom");
        }, tmp, "q")).isInstanceOf(ClickHouseTransportException.class).hasMessageContaining("boom");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void libraryLookupOrderAndMessage() throws IOException {
        Path lib = Files.createFile(tmp.resolve("libchdb.so"));
        assertThat(ChdbLibraryLocator.locate(Map.of(), lib.toString(), "/nowhere")).contains(lib);
        assertThat(ChdbLibraryLocator.locate(Map.of("CHDB_LIBRARY", lib.toString()), null, "/nowhere")).contains(lib);
        assertThatThrownBy(() -> ChdbLibraryLocator.locate(Map.of("CHDB_LIBRARY", "/no/such.so"), null, "/nowhere"))
                .hasMessageContaining("CHDB_LIBRARY names /no/such.so");
        Path cached = ChdbLibraryLocator.cachePath(tmp.toString());
        Files.createDirectories(cached.getParent());
        Files.createFile(cached);
        assertThat(ChdbLibraryLocator.locate(Map.of(), null, tmp.toString())).contains(cached);
        assertThat(ChdbLibraryLocator.locate(Map.of(), null, "/nowhere")).isEmpty();
        assertThat(ChdbLibraryLocator.notFound("/home/x", null).getMessage())
                .contains("npm pack @chdb/lib-linux-x64-gnu@26.5.3").contains("fetch-libchdb.sh")
                .contains("/home/x/.cache/chdb/26.5.3/package/libchdb.so");
    }

    @Test
    void signalChainingIsDetectedFromTheMaps() throws IOException {
        Path maps = tmp.resolve("maps");
        Files.writeString(maps, "7f0000-7f1000 r-xp 00000000 08:01 123 /usr/lib/jvm/x/lib/libjsig.so\n");
        assertThat(SignalChaining.isActive(maps)).isTrue();
        Files.writeString(maps, "7f0000-7f1000 r-xp 00000000 08:01 123 /usr/lib/jvm/x/lib/server/libjvm.so\n");
        assertThat(SignalChaining.isActive(maps)).isFalse();
        assertThat(SignalChaining.isActive(tmp.resolve("absent"))).isFalse();
        assertThat(SignalChaining.missingMessage("/jdk")).contains("LD_PRELOAD=/jdk/lib/libjsig.so");
        // Surefire runs this module with LD_PRELOAD (see the pom): the real process must pass the check.
        assertThat(SignalChaining.isActive(Path.of("/proc/self/maps"))).isTrue();
    }

    @Test
    void notAChdbUrlIsRefused() {
        assertThatThrownBy(() -> EmbeddedClickHouse.builder("http://localhost"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("Not a chdb: URL");
    }
}
