package io.chspring.client.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.type.ClickHouseType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Native-to-RowBinary stream's contract on Native bytes captured from 18.16 (tools/native-golden): the first
 * block's header check, later blocks, the row mark, and the types it refuses. Its output against each engine's own
 * RowBinary is NativeTranscodingGoldenIntegrationTests (integration-tests).
 */
class NativeRowBinaryStreamTests {

    private static final List<String> NAMES = List.of("n", "s");
    private static final List<String> TYPES = List.of("UInt64", "String");

    private static byte[] golden(String id) {
        try (InputStream in = NativeRowBinaryStreamTests.class.getResourceAsStream("/golden/native/18.16/" + id
                + ".bin")) {
            assertThat(in).as(id).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NativeRowBinaryStream stream(byte[] nativeBytes, List<String> names, List<String> types) {
        return new NativeRowBinaryStream(new ByteArrayInputStream(nativeBytes), names, types,
                types.stream().map(ClickHouseType::parse).toList());
    }

    /** blocks.bin: SELECT number AS n, toString(number) AS s FROM system.numbers LIMIT 5, max_block_size=2. */
    @Test
    void rowsOfEveryBlockComeOutAsRowBinary() throws IOException {
        NativeRowBinaryStream rows = stream(golden("blocks"), NAMES, TYPES);
        AtomicInteger passed = new AtomicInteger();
        rows.onRowsOver(3, passed::incrementAndGet);
        assertThat(rows.firstBlockMatches()).isTrue();
        assertThat(passed).hasValue(0);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int n = 0; n < 5; n++) {
            expected.writeBytes(new byte[] {(byte) n, 0, 0, 0, 0, 0, 0, 0, 1, (byte) ('0' + n)});
        }
        assertThat(rows.readAllBytes()).isEqualTo(expected.toByteArray());
        assertThat(passed).as("once, at the block that passed 3 rows").hasValue(1);
        assertThat(rows.read()).isEqualTo(-1);
    }

    @Test
    void aFirstBlockOverTheBoundIsRefusedAsTooLarge() throws IOException {
        NativeRowBinaryStream bounded = stream(golden("blocks"), NAMES, TYPES).firstBlockRowsAtMost(1);
        assertThat(bounded.firstBlockMatches()).isFalse();
        assertThat(bounded.firstBlockTooLarge()).isTrue();
        NativeRowBinaryStream atTheBound = stream(golden("blocks"), NAMES, TYPES).firstBlockRowsAtMost(2);
        assertThat(atTheBound.firstBlockMatches()).isTrue();
        assertThat(atTheBound.firstBlockTooLarge()).isFalse();
        assertThat(atTheBound.readAllBytes()).hasSize(5 * 10);
        // the row count comes before the first column's name: a block over the bound is refused as too large whatever
        // its columns (the wrapper the read falls back to checks them), one within it by its columns
        NativeRowBinaryStream other = stream(golden("blocks"), List.of("n", "t"), TYPES).firstBlockRowsAtMost(1);
        assertThat(other.firstBlockMatches()).isFalse();
        assertThat(other.firstBlockTooLarge()).isTrue();
        NativeRowBinaryStream otherWithin = stream(golden("blocks"), List.of("n", "t"), TYPES).firstBlockRowsAtMost(2);
        assertThat(otherWithin.firstBlockMatches()).isFalse();
        assertThat(otherWithin.firstBlockTooLarge()).isFalse();
    }

    @Test
    void theFirstHeaderIsComparedByNameTypeTextAndOrder() {
        assertThat(stream(golden("blocks"), List.of("n", "t"), TYPES).firstBlockMatches()).isFalse();
        assertThat(stream(golden("blocks"), NAMES, List.of("UInt32", "String")).firstBlockMatches()).isFalse();
        assertThat(stream(golden("blocks"), List.of("n"), List.of("UInt64")).firstBlockMatches()).isFalse();
        assertThat(stream(golden("blocks"), List.of("n", "s", "x"), List.of("UInt64", "String", "UInt8"))
                .firstBlockMatches()).isFalse();
    }

    @Test
    void anEmptyBodyIsNoRowsWhateverTheColumns() throws IOException {
        assertThat(golden("empty")).isEmpty(); // what 18.16 sends for an empty result: no block at all
        NativeRowBinaryStream rows = stream(golden("empty"), NAMES, TYPES);
        assertThat(rows.firstBlockMatches()).isTrue();
        assertThat(rows.readAllBytes()).isEmpty();
    }

    @Test
    void aLaterBlockOfOtherColumnsIsAnError() {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(golden("blocks"));
        both.writeBytes(golden("numbers"));
        NativeRowBinaryStream rows = stream(both.toByteArray(), NAMES, TYPES);
        assertThat(rows.firstBlockMatches()).isTrue();
        assertThatThrownBy(rows::readAllBytes).isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("Native block 4 has 10 columns where the first block had [n, s]");
    }

    /**
     * lowcard.bin: {@code toLowCardinality(toString(number % 3)) AS l, toLowCardinality(if(number = 1, NULL,
     * toString(number))) AS ln} for numbers 0-3. 18.16 puts the default value at key 0 of a plain dictionary ("", "0",
     * "1", "2") and NULL at key 0 of a Nullable one; RowBinary writes the values themselves.
     */
    @Test
    void lowCardinalityRowsAreTheirDictionaryValues() throws IOException {
        NativeRowBinaryStream rows = stream(golden("lowcard"), List.of("l", "ln"), List.of("LowCardinality(String)",
                "LowCardinality(Nullable(String))"));
        assertThat(rows.firstBlockMatches()).isTrue();
        assertThat(rows.readAllBytes()).isEqualTo(new byte[] {1, '0', 0, 1, '0', 1, '1', 1, 1, '2', 0, 1, '2', 1, '0',
            0, 1, '3'});
    }

    @Test
    void readingBeforeTheCheckOrTypesWithoutATranscoderAreRefused() {
        assertThatThrownBy(() -> stream(golden("blocks"), NAMES, TYPES).read())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stream(golden("blocks"), NAMES, List.of("UInt64", "Map(String, UInt8)")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 's'");
        assertThat(NativeRowBinaryStream.transcodes(ClickHouseType.parse("LowCardinality(Nullable(String))")))
                .isTrue();
        assertThat(NativeRowBinaryStream.transcodes(ClickHouseType.parse("Array(LowCardinality(String))"))).isTrue();
        assertThat(NativeRowBinaryStream.transcodes(ClickHouseType.parse("Map(String, UInt8)"))).isFalse();
        assertThat(NativeRowBinaryStream.transcodes(ClickHouseType.parse("Array(Map(String, UInt8))"))).isFalse();
        assertThat(NativeRowBinaryStream.transcodes(ClickHouseType.parse(
                "Tuple(Array(Nullable(String)), Decimal(38, 2), FixedString(3), Enum16('a' = -1))"))).isTrue();
    }
}
