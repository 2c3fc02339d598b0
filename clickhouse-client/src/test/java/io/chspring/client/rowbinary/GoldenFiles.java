package io.chspring.client.rowbinary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Loads the engine-produced golden files of tools/chdb-golden (format: golden-format.md). */
final class GoldenFiles {

    private GoldenFiles() {
    }

    /** One line of values.tsv. */
    record Value(String id, String type, String expression, byte[] bytes, byte[] text) {
        @Override
        public String toString() {
            return id;
        }
    }

    /** One line of names_and_types.tsv. */
    record Query(String id, String query, byte[] bytes) {
        @Override
        public String toString() {
            return id;
        }
    }

    static List<Value> values() {
        return values("values.tsv");
    }

    /** The lines of values-18.16.tsv: bytes from a real 18.16 server. */
    static List<Value> values18() {
        return values("values-18.16.tsv");
    }

    private static List<Value> values(String file) {
        List<Value> out = new ArrayList<>();
        for (String[] f : rows(file)) {
            out.add(new Value(f[0], unescapeText(f[1]), unescapeText(f[2]), hex(f[3]), unescape(f[4])));
        }
        return out;
    }

    static List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (String[] f : rows("names_and_types.tsv")) {
            out.add(new Query(f[0], unescapeText(f[1]), hex(f[2])));
        }
        return out;
    }

    private static List<String[]> rows(String file) {
        String content;
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/rowbinary/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + file);
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : content.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static String unescapeText(String s) {
        return new String(unescape(s), StandardCharsets.UTF_8);
    }

    /** Undoes the TSV escaping of the golden files: \\ \t \n \r \0 by name, \xHH for other bytes. */
    static byte[] unescape(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b != '\\' || i + 1 >= utf8.length) {
                out.write(b);
                continue;
            }
            char e = (char) utf8[++i];
            switch (e) {
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(new String(utf8, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                }
                default -> {
                    out.write('\\');
                    out.write(e);
                }
            }
        }
        return out.toByteArray();
    }
}
