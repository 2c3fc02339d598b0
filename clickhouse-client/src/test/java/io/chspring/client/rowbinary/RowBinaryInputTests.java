package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.type.ClickHouseType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RowBinaryInputTests {

    /** Hands out one byte per read call, so every value straddles buffer refills. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsLittleEndianAndVarintsAcrossRefills() {
        byte[] bytes = HexFormat.of().parseHex("0700000080011122334455667788" + "ff01" + "03616263");
        RowBinaryInput in = new RowBinaryInput(trickle(bytes), 64);
        assertThat(in.readInt()).isEqualTo(7);
        assertThat(in.readUnsignedByte()).isEqualTo(0x80);
        assertThat(in.readByte()).isEqualTo((byte) 1);
        assertThat(in.readLong()).isEqualTo(0x8877665544332211L);
        assertThat(in.readVarLong()).isEqualTo(255);
        assertThat(in.readString()).isEqualTo("abc");
        assertThat(in.hasMore()).isFalse();
        assertThat(in.isAtEnd()).isTrue();
    }

    @Test
    void readsStringsLongerThanTheBuffer() {
        String big = "ü".repeat(5000);
        byte[] bytes = RowBinaryOutput.toBytes(o -> o.writeString(big));
        assertThat(new RowBinaryInput(trickle(bytes), 64).readString()).isEqualTo(big);
        assertThat(new RowBinaryInput(new ByteArrayInputStream(bytes), 64).readString()).isEqualTo(big);
    }

    @Test
    void aLargeBufferStartsSmallAndGrowsWhileReadsFillIt() {
        RowBinaryInput small = new RowBinaryInput(new ByteArrayInputStream(RowBinaryOutput.toBytes(o -> o.writeLong(5))),
                64 * 1024);
        assertThat(small.readLong()).isEqualTo(5);
        assertThat(small.isAtEnd()).isTrue();
        assertThat(small.bufferSize()).isEqualTo(1024);

        // 100,000 longs and strings straddling every growth step (1, 2, 4, 8, 16, 32, 64 KiB) read back unchanged
        byte[] bytes = RowBinaryOutput.toBytes(o -> {
            for (int i = 0; i < 100_000; i++) {
                o.writeLong(i * 31L);
                o.writeString("row" + i);
            }
        });
        RowBinaryInput big = new RowBinaryInput(new ByteArrayInputStream(bytes), 64 * 1024);
        for (int i = 0; i < 100_000; i++) {
            assertThat(big.readLong()).isEqualTo(i * 31L);
            assertThat(big.readString()).isEqualTo("row" + i);
        }
        assertThat(big.isAtEnd()).isTrue();
        assertThat(big.position()).isEqualTo(bytes.length);
        assertThat(big.bufferSize()).isEqualTo(64 * 1024);
    }

    @Test
    void aStreamEndingInsideAValueIsTruncated() {
        RowBinaryInput in = RowBinaryInput.of(HexFormat.of().parseHex("0102"));
        assertThatThrownBy(in::readInt).isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("truncated").hasMessageContaining("2 more byte(s)");
        RowBinaryInput str = RowBinaryInput.of(HexFormat.of().parseHex("0561"));
        assertThatThrownBy(str::readString).isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("truncated");
        RowBinaryInput varint = RowBinaryInput.of(HexFormat.of().parseHex("ff"));
        assertThatThrownBy(varint::readVarLong).hasMessageContaining("truncated");
    }

    @Test
    void aTruncatedCompositeValueFailsMidValueAndACleanEndDoesNot() {
        ValueCodec<Object> codec = RowBinaryCodecs.codec(ClickHouseType.parse("Array(Nullable(UInt32))"));
        // two elements announced, the second one cut after its null flag
        RowBinaryInput in = new RowBinaryInput(trickle(HexFormat.of().parseHex("02000700000000")), 64);
        assertThatThrownBy(() -> codec.read(in)).isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("truncated");
        RowBinaryInput whole = RowBinaryInput.of(HexFormat.of().parseHex("02000700000001"));
        assertThat(whole.hasMore()).isTrue();
        codec.read(whole);
        assertThat(whole.hasMore()).isFalse();
    }

    @Test
    void rejectsAbsurdLengths() {
        RowBinaryInput in = RowBinaryInput.of(HexFormat.of().parseHex("ffffffffffffffffff01"));
        assertThatThrownBy(in::readLength).isInstanceOf(ClickHouseTransportException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void writerMirrorsReader() {
        byte[] bytes = RowBinaryOutput.toBytes(o -> {
            o.writeShort(-2);
            o.writeFloat(1.5f);
            o.writeDouble(-0.0);
            o.writeVarLong(16384);
            o.writeString("日本");
        });
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("feff" + "0000c03f" + "0000000000000080" + "808001"
                + "06e697a5e69cac");
    }
}
