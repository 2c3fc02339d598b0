package io.chspring.client.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CityHash128 v1.0.2 against checksums a ClickHouse 18.16.1 server computed (its Code 40 error message is the
 * oracle; see tools/compression-vectors/generate_vectors.py), and against frames the server wrote itself.
 */
class CityHash128Tests {

    private static final HexFormat HEX = HexFormat.of();

    record Vector(int length, byte[] input, String checksum) {
        @Override
        public String toString() {
            return "length " + length;
        }
    }

    static List<Vector> serverVectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = CityHash128Tests.class.getResourceAsStream("/golden/compression/cityhash128-vectors.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(" ");
                vectors.add(new Vector(Integer.parseInt(fields[0]), HEX.parseHex(fields[1]), fields[2]));
            }
        }
        return vectors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverVectors")
    void matchesTheServersChecksum(Vector vector) {
        assertThat(vector.input()).hasSize(vector.length());
        assertThat(HEX.formatHex(CityHash128.hash(vector.input(), 0, vector.length()))).isEqualTo(vector.checksum());
    }

    @Test
    void serverVectorsReachEveryLengthBranch() throws IOException {
        Set<String> branches = new TreeSet<>();
        for (Vector vector : serverVectors()) {
            int n = vector.length();
            if (n < 16) {
                branches.add("8..15: seed from the input, CityMurmur of nothing");
            } else if (n <= 32) {
                branches.add("16..32: CityMurmur <= 16 bytes (HashLen0to16 " + hashLen0to16Branch(n - 16) + ")");
            } else if (n < 144) {
                branches.add("33..143: CityMurmur loop");
            } else {
                int tail = (n - 16) % 128;
                branches.add("main loop x" + Math.min((n - 16) / 128, 2) + ", tail chunks " + (tail + 31) / 32);
            }
        }
        assertThat(branches).contains(
                "8..15: seed from the input, CityMurmur of nothing",
                "16..32: CityMurmur <= 16 bytes (HashLen0to16 0)",
                "16..32: CityMurmur <= 16 bytes (HashLen0to16 1..3)",
                "16..32: CityMurmur <= 16 bytes (HashLen0to16 4..8)",
                "16..32: CityMurmur <= 16 bytes (HashLen0to16 9..16)",
                "33..143: CityMurmur loop",
                "main loop x1, tail chunks 0", "main loop x1, tail chunks 1", "main loop x1, tail chunks 2",
                "main loop x1, tail chunks 3",
                "main loop x1, tail chunks 4", "main loop x2, tail chunks 0", "main loop x2, tail chunks 3");
    }

    private static String hashLen0to16Branch(int n) {
        return n == 0 ? "0" : n <= 3 ? "1..3" : n <= 8 ? "4..8" : "9..16";
    }

    @Test
    void matchesTheChecksumsOfFramesTheServerWrote() {
        // Block 2 of compressed-sample.bin and the NONE block from shared/clickhouse/MATRIX.md §Compression.
        byte[] lz4 = HEX.parseHex("821200000008000000808877665544332211");
        byte[] none = HEX.parseHex("021100000008000000070000000361626" + "3");
        assertThat(HEX.formatHex(CityHash128.hash(lz4, 0, lz4.length))).isEqualTo("5bbca7e54259b32307e644d2fec07240");
        assertThat(HEX.formatHex(CityHash128.hash(none, 0, none.length))).isEqualTo("26351e0d8965e58fe3f12bd477d60fc9");
    }

    @Test
    void hashesASliceOfALargerArrayAndWritesAtAnOffset() throws IOException {
        Vector vector = serverVectors().stream().filter(v -> v.length() == 300).findFirst().orElseThrow();
        byte[] padded = new byte[vector.length() + 13];
        System.arraycopy(vector.input(), 0, padded, 5, vector.length());
        byte[] out = new byte[20];
        CityHash128.hash(padded, 5, vector.length(), out, 3);
        assertThat(HEX.formatHex(out, 3, 19)).isEqualTo(vector.checksum());
        assertThat(out[0]).isZero();
        assertThat(out[19]).isZero();
    }

    @Test
    void shortInputsThatNoFrameHasStillHashDeterministically() {
        // Inputs under 9 bytes never occur on the wire (a frame header alone is 9), so no server can vouch for
        // them; check only that every length hashes without reading out of bounds and gives distinct results.
        Set<String> seen = new TreeSet<>();
        byte[] data = new byte[9];
        for (int len = 0; len <= 8; len++) {
            seen.add(HEX.formatHex(CityHash128.hash(data, 9 - len, len)));
        }
        assertThat(seen).hasSize(9);
    }

    @Test
    void rejectsRangesOutsideTheArrays() {
        assertThatThrownBy(() -> CityHash128.hash(new byte[10], 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> CityHash128.hash(new byte[10], 0, 10, new byte[16], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
