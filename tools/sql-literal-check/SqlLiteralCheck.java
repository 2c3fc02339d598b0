import io.chspring.client.sql.Identifier;
import io.chspring.client.sql.SqlLiterals;
import io.chspring.client.sql.SqlTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Round-trips SqlLiterals through a real server: for every case, {@code SELECT <literal> FORMAT RowBinary} (or a
 * conversion of it) must return exactly the bytes computed from the Java value.
 *
 * <pre>
 * ./mvnw -q -B -o -pl clickhouse-client compile
 * java -cp clickhouse-client/target/classes tools/sql-literal-check/SqlLiteralCheck.java http://127.0.0.1:PORT/ [cases.tsv]
 * </pre>
 * Cases marked modern use types 18.16 lacks (DateTime64, Date32, Int128/256, Decimal256, Map): against 18.16 they
 * must FAIL (an error, never a wrong value). The optional cases.tsv (query hex, expected hex, modern flag, label) is
 * replayed against chDB by check-chdb.py.
 */
public final class SqlLiteralCheck {

    record Case(String label, String sql, byte[] expected, boolean modern) {
    }

    private static final List<Case> CASES = new ArrayList<>();
    private static final Random RANDOM = new Random(20261121L);

    public static void main(String[] args) throws Exception {
        String url = args[0];
        strings();
        bytes();
        numbers();
        temporals();
        others();
        int ok = 0;
        int failed = 0;
        int modernRejected = 0;
        int identifiers = identifiers(url);
        for (Case c : CASES) {
            Response r = post(url, c.sql);
            if (c.modern) {
                if (r.status != 200) {
                    modernRejected++;
                } else {
                    failed++;
                    System.out.println("MODERN-ONLY CASE ACCEPTED BY SERVER: " + c.label + " " + c.sql + " -> " + hex(r.body));
                }
            } else if (r.status == 200 && java.util.Arrays.equals(r.body, c.expected)) {
                ok++;
            } else {
                failed++;
                System.out.println("MISMATCH " + c.label + " sql=" + c.sql + " status=" + r.status + " got="
                        + hex(r.body) + " expected=" + hex(c.expected));
            }
        }
        if (args.length > 1) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
                for (Case c : CASES) {
                    w.println(hex(c.sql.getBytes(StandardCharsets.UTF_8)) + "\t" + hex(c.expected) + "\t"
                            + (c.modern ? 1 : 0) + "\t" + c.label);
                }
            }
        }
        System.out.printf("cases=%d exact=%d modern-only rejected by this server=%d failed=%d identifiers=%d%n",
                CASES.size(), ok, modernRejected, failed, identifiers);
        System.exit(failed == 0 ? 0 : 1);
    }

    // ---------------------------------------------------------------- corpora

    private static void strings() {
        List<String> corpus = new ArrayList<>();
        for (char c = 0; c <= 0xFF; c++) {
            corpus.add(String.valueOf(c));
            corpus.add("a" + c + "b" + c);
        }
        corpus.addAll(List.of("", "'", "''", "\\", "\\\\", "\\'", "'\\", "abc\\", "\\x41", "\\0", "\\n", "\\z",
                "' OR 1=1 --", "' OR '1'='1", "'; DROP TABLE t; --", "\\'; SELECT 1; --", "x' --", "*/ 1 /*",
                "-- c", "# c", "?", "?fields", ":name", "{x:UInt8}", "$$", "$a$x$a$", "`", "\"", "\u2028\u2029",
                "h\u00e9llo \u4e2d\u6587 \u0440\u0443\u0441", "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
                "\ufeff\ufffd\uffff", "\u0000\u0000", "tab\tnl\ncr\rff\fbs\b", "end\\"));
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xFF; c++) {
            all.append(c);
        }
        corpus.add(all.toString());
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int n = RANDOM.nextInt(40);
            for (int j = 0; j < n; j++) {
                int cp = switch (RANDOM.nextInt(4)) {
                    case 0 -> RANDOM.nextInt(0x80);
                    case 1 -> "\\'\"`\n\0?:-/*#".charAt(RANDOM.nextInt(12));
                    case 2 -> RANDOM.nextInt(0xD800);
                    default -> 0x10000 + RANDOM.nextInt(0x10FFFF - 0x10000);
                };
                s.appendCodePoint(cp);
            }
            corpus.add(s.toString());
        }
        for (String s : corpus) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            CASES.add(new Case("string", "SELECT " + SqlLiterals.toLiteral(s) + " FORMAT RowBinary", rbString(utf8), false));
            // the same through the template, once positional and once named
            CASES.add(new Case("template", SqlTemplate.parse("SELECT ? FORMAT RowBinary").render(List.of(s), null),
                    rbString(utf8), false));
        }
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (String s : corpus) {
            expected.writeBytes(rbString(s.getBytes(StandardCharsets.UTF_8)));
        }
        CASES.add(new Case("string array", "SELECT arrayJoin(" + SqlLiterals.toLiteral(corpus) + ") FORMAT RowBinary",
                expected.toByteArray(), false));
        CASES.add(new Case("char", "SELECT " + SqlLiterals.toLiteral('\'') + " FORMAT RowBinary", rbString(new byte[] {'\''}), false));
    }

    private static void bytes() {
        List<byte[]> corpus = new ArrayList<>();
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            corpus.add(new byte[] {(byte) b});
            corpus.add(new byte[] {'x', (byte) b, (byte) b, '\\'});
            all[b] = (byte) b;
        }
        corpus.add(all);
        corpus.add(new byte[0]);
        for (int i = 0; i < 100; i++) {
            byte[] b = new byte[RANDOM.nextInt(300)];
            RANDOM.nextBytes(b);
            corpus.add(b);
        }
        for (byte[] b : corpus) {
            CASES.add(new Case("bytes", "SELECT " + SqlLiterals.toLiteral(b) + " FORMAT RowBinary", rbString(b), false));
        }
    }

    private static void numbers() {
        long[] longs = {0, 1, -1, 127, -128, 255, 32767, -32768, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE,
                4294967295L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long v : longs) {
            CASES.add(new Case("long", "SELECT toInt64(" + SqlLiterals.toLiteral(v) + ") FORMAT RowBinary", le(v, 8), false));
            CASES.add(new Case("template minus", SqlTemplate.parse("SELECT toInt64(0 -?) FORMAT RowBinary")
                    .render(List.of(v), null), le(0 - v, 8), false));
        }
        CASES.add(new Case("int", "SELECT toInt32(" + SqlLiterals.toLiteral(Integer.MIN_VALUE) + ") FORMAT RowBinary", le(Integer.MIN_VALUE, 4), false));
        CASES.add(new Case("short", "SELECT toInt16(" + SqlLiterals.toLiteral((short) -5) + ") FORMAT RowBinary", le(-5, 2), false));
        CASES.add(new Case("byte", "SELECT toInt8(" + SqlLiterals.toLiteral((byte) -128) + ") FORMAT RowBinary", le(-128, 1), false));
        BigInteger maxU64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        CASES.add(new Case("uint64", "SELECT toUInt64(" + SqlLiterals.toLiteral(maxU64) + ") FORMAT RowBinary", le(-1L, 8), false));
        BigInteger big = BigInteger.ONE.shiftLeft(100).add(BigInteger.valueOf(12345));
        CASES.add(new Case("int128", "SELECT toString(" + SqlLiterals.toLiteral(big) + ") FORMAT RowBinary",
                rbString(big.toString().getBytes(StandardCharsets.US_ASCII)), true));
        BigInteger huge = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        CASES.add(new Case("uint256", "SELECT toString(" + SqlLiterals.toLiteral(huge) + ") FORMAT RowBinary",
                rbString(huge.toString().getBytes(StandardCharsets.US_ASCII)), true));
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 1e-5, 1e20, 1.7976931348623157E308,
                Double.MIN_VALUE, Double.MIN_NORMAL, 4.35E-321, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                123456789.123456789, 9007199254740993.0, 2.2250738585072011E-308));
        for (int i = 0; i < 2000; i++) {
            doubles.add(Double.longBitsToDouble(RANDOM.nextLong()));
            doubles.add(RANDOM.nextDouble() * Math.pow(10, RANDOM.nextInt(40) - 20));
        }
        for (double d : doubles) {
            if (Double.isNaN(d)) {
                continue;
            }
            CASES.add(new Case("double " + d, "SELECT toFloat64(" + SqlLiterals.toLiteral(d) + ") FORMAT RowBinary",
                    le(Double.doubleToRawLongBits(d), 8), false));
        }
        CASES.add(new Case("nan", "SELECT isNaN(" + SqlLiterals.toLiteral(Double.NaN) + ") FORMAT RowBinary", new byte[] {1}, false));
        for (int i = 0; i < 500; i++) {
            float f = Float.intBitsToFloat(RANDOM.nextInt());
            if (Float.isNaN(f)) {
                continue;
            }
            CASES.add(new Case("float " + f, "SELECT toFloat32(" + SqlLiterals.toLiteral(f) + ") FORMAT RowBinary",
                    le(Float.floatToRawIntBits(f), 4), false));
            // the float's exact value compares equal to a Float32 column value
            CASES.add(new Case("float eq", "SELECT toFloat32(" + SqlLiterals.toLiteral(f) + ") = " + SqlLiterals.toLiteral(f)
                    + " FORMAT RowBinary", new byte[] {1}, false));
        }
        CASES.add(new Case("float 0.1", "SELECT toFloat32(0.1) = " + SqlLiterals.toLiteral(0.1f) + " FORMAT RowBinary", new byte[] {1}, false));
        for (String s : List.of("0", "1.50", "-1.5", "0.001", "123456789", "1234567890.0123456789", "-0.000000001",
                "99999999999999999999999999999999999999", "1E+3", "12345678901234567890.123456789012345678")) {
            BigDecimal d = new BigDecimal(s);
            BigDecimal v = d.scale() < 0 ? d.setScale(0) : d;
            int precision = Math.max(v.precision(), v.scale());
            int width = precision <= 9 ? 4 : precision <= 18 ? 8 : 16;
            // RowBinary Decimal: the unscaled value, little-endian, in the width of the Decimal chosen
            byte[] bigEndian = v.unscaledValue().toByteArray();
            byte[] expected = new byte[width];
            for (int i = 0; i < width; i++) {
                int from = bigEndian.length - 1 - i;
                expected[i] = from >= 0 ? bigEndian[from] : (byte) (v.signum() < 0 ? 0xFF : 0);
            }
            CASES.add(new Case("decimal " + s, "SELECT " + SqlLiterals.toLiteral(d) + " FORMAT RowBinary", expected, false));
            String type = "Decimal(" + (width == 4 ? 9 : width == 8 ? 18 : 38) + ", " + v.scale() + ")";
            CASES.add(new Case("decimal type " + s, "SELECT toTypeName(" + SqlLiterals.toLiteral(d) + ") FORMAT RowBinary",
                    rbString(type.getBytes(StandardCharsets.US_ASCII)), false));
        }
        BigDecimal wide = new BigDecimal("1234567890123456789012345678901234567890.5");
        CASES.add(new Case("decimal256", "SELECT toString(" + SqlLiterals.toLiteral(wide) + ") FORMAT RowBinary",
                rbString(wide.toPlainString().getBytes(StandardCharsets.US_ASCII)), true));
        CASES.add(new Case("booleans", "SELECT " + SqlLiterals.toLiteral(true) + ", " + SqlLiterals.toLiteral(false)
                + " FORMAT RowBinary", new byte[] {1, 0}, false));
    }

    private static void temporals() {
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.EPOCH, LocalDate.of(2024, 2, 29),
                LocalDate.of(2105, 12, 31), LocalDate.of(2000, 1, 1)));
        for (int i = 0; i < 200; i++) {
            dates.add(LocalDate.ofEpochDay(RANDOM.nextInt(49673)));
        }
        for (LocalDate d : dates) {
            CASES.add(new Case("date " + d, "SELECT " + SqlLiterals.toLiteral(d) + " FORMAT RowBinary",
                    le(d.toEpochDay(), 2), false));
        }
        for (LocalDate d : List.of(LocalDate.of(1900, 1, 1), LocalDate.of(1969, 12, 31), LocalDate.of(2106, 1, 1),
                LocalDate.of(2299, 12, 31))) {
            CASES.add(new Case("date32 " + d, "SELECT " + SqlLiterals.toLiteral(d) + " FORMAT RowBinary",
                    le(d.toEpochDay(), 4), true));
        }
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(4_291_747_199L),
                Instant.parse("2024-02-29T12:34:56Z"), Instant.ofEpochSecond(2_147_483_647L),
                Instant.ofEpochSecond(2_147_483_648L)));
        for (int i = 0; i < 300; i++) {
            instants.add(Instant.ofEpochSecond(RANDOM.nextLong(4_291_747_200L)));
        }
        for (Instant t : instants) {
            CASES.add(new Case("instant " + t, "SELECT " + SqlLiterals.toLiteral(t) + " FORMAT RowBinary",
                    le(t.getEpochSecond(), 4), false));
            LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            CASES.add(new Case("ldt " + utc, "SELECT " + SqlLiterals.toLiteral(utc) + " FORMAT RowBinary",
                    le(t.getEpochSecond(), 4), false));
            ZonedDateTime berlin = t.atZone(ZoneId.of("Europe/Berlin"));
            if (t.getEpochSecond() <= 4_000_000_000L) {
                CASES.add(new Case("zdt " + berlin, "SELECT " + SqlLiterals.toLiteral(berlin) + " FORMAT RowBinary",
                        le(t.getEpochSecond(), 4), false));
                OffsetDateTime minus = t.atOffset(ZoneOffset.ofHours(-7));
                CASES.add(new Case("odt " + minus, "SELECT " + SqlLiterals.toLiteral(minus) + " FORMAT RowBinary",
                        le(t.getEpochSecond(), 4), false));
            }
        }
        // DateTime64 forms: RowBinary is an Int64 of 10^-scale ticks
        for (Instant t : List.of(Instant.parse("2024-02-29T12:34:56.123Z"), Instant.parse("2024-02-29T12:34:56.123456Z"),
                Instant.parse("2024-02-29T12:34:56.123456789Z"), Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2299-12-31T23:59:59Z"),
                Instant.parse("2262-04-11T23:47:16.854775807Z"))) {
            int scale = t.getNano() == 0 ? 0 : t.getNano() % 1_000_000 == 0 ? 3 : t.getNano() % 1000 == 0 ? 6 : 9;
            BigInteger ticks = BigInteger.valueOf(t.getEpochSecond()).multiply(BigInteger.TEN.pow(scale))
                    .add(BigInteger.valueOf(t.getNano() / (long) Math.pow(10, 9 - scale)));
            CASES.add(new Case("datetime64 " + t, "SELECT " + SqlLiterals.toLiteral(t) + " FORMAT RowBinary",
                    le(ticks.longValue(), 8), true));
        }
    }

    private static void others() {
        for (int i = 0; i < 50; i++) {
            UUID u = i == 0 ? UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0") : UUID.randomUUID();
            CASES.add(new Case("uuid " + u, "SELECT toString(" + SqlLiterals.toLiteral(u) + ") FORMAT RowBinary",
                    rbString(u.toString().getBytes(StandardCharsets.US_ASCII)), false));
        }
        CASES.add(new Case("uuid bytes", "SELECT " + SqlLiterals.toLiteral(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"))
                + " FORMAT RowBinary", HexFormat.of().parseHex("e711b35c04c4f061a0dbd36a00a67b90"), false));
        CASES.add(new Case("int array", "SELECT " + SqlLiterals.toLiteral(new int[] {1, -2, 300}) + " FORMAT RowBinary",
                HexFormat.of().parseHex("03" + "01000000" + "feffffff" + "2c010000"), false));
        CASES.add(new Case("nested list", "SELECT " + SqlLiterals.toLiteral(List.of(List.of(1), List.of(2, 3), List.of()))
                + " FORMAT RowBinary", HexFormat.of().parseHex("03" + "0101" + "020203" + "00"), false));
        CASES.add(new Case("nullable array", "SELECT " + SqlLiterals.toLiteral(java.util.Arrays.asList("a", null))
                + " FORMAT RowBinary", HexFormat.of().parseHex("02" + "000161" + "01"), false));
        CASES.add(new Case("date array", "SELECT " + SqlLiterals.toLiteral(new LocalDate[] {LocalDate.of(2024, 2, 29)})
                + " FORMAT RowBinary", HexFormat.of().parseHex("01464d"), false));
        CASES.add(new Case("double array", "SELECT " + SqlLiterals.toLiteral(new double[] {-0.0, Double.NEGATIVE_INFINITY})
                + " FORMAT RowBinary", HexFormat.of().parseHex("02" + "0000000000000080" + "000000000000f0ff"), false));
        CASES.add(new Case("empty array", "SELECT length(" + SqlLiterals.toLiteral(List.of()) + ") FORMAT RowBinary",
                le(0, 8), false));
        CASES.add(new Case("enum", "SELECT " + SqlLiterals.toLiteral(java.time.DayOfWeek.MONDAY) + " FORMAT RowBinary",
                rbString("MONDAY".getBytes(StandardCharsets.US_ASCII)), false));
        CASES.add(new Case("null", "SELECT isNull(" + SqlLiterals.toLiteral(null) + ") FORMAT RowBinary", new byte[] {1}, false));
        LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        map.put("a'b", 1);
        map.put("c", 2);
        CASES.add(new Case("map", "SELECT toString(" + SqlLiterals.toLiteral(map) + ") FORMAT RowBinary",
                rbString("{'a\\'b':1,'c':2}".getBytes(StandardCharsets.US_ASCII)), true));
    }

    /** CREATE TABLE with each nasty column name; system.columns must return the name's exact bytes. */
    private static int identifiers(String url) throws IOException {
        List<String> names = new ArrayList<>(List.of("a`b", "a\\b", "`", "\\", "'", "\"", "a.b", "sp ace", "nl\nx",
                "tab\t", "\u00e9\u4e2d\ud83d\ude00", "x` UInt8, y", "end\\", "?", ":n", "-- c", "\u007f\u0001"));
        String db = "sqlcheck_" + System.nanoTime();
        check(post(url, "CREATE DATABASE " + Identifier.of(db)), "create database");
        int n = 0;
        try {
            for (String name : names) {
                Identifier table = Identifier.of(db, "t" + n);
                check(post(url, "CREATE TABLE " + table + " (" + Identifier.of(name) + " UInt8) ENGINE = Memory"), name);
                Response r = post(url, SqlTemplate.parse("SELECT name FROM system.columns WHERE database = ? AND table = ? FORMAT RowBinary")
                        .render(List.of(db, "t" + n), null));
                byte[] expected = rbString(name.getBytes(StandardCharsets.UTF_8));
                if (!java.util.Arrays.equals(r.body, expected)) {
                    throw new IllegalStateException("identifier " + name + " came back as " + hex(r.body));
                }
                n++;
            }
        } finally {
            post(url, "DROP DATABASE " + Identifier.of(db));
        }
        return n;
    }

    // ---------------------------------------------------------------- helpers

    private static void check(Response r, String what) {
        if (r.status != 200) {
            throw new IllegalStateException(what + ": " + new String(r.body, StandardCharsets.UTF_8));
        }
    }

    record Response(int status, byte[] body) {
    }

    private static Response post(String url, String sql) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        try (OutputStream out = c.getOutputStream()) {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        try (InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream()) {
            return new Response(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }

    private static byte[] rbString(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = bytes.length;
        do {
            int b = (int) (n & 0x7F);
            n >>>= 7;
            out.write(n == 0 ? b : b | 0x80);
        } while (n != 0);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static byte[] le(long value, int width) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return java.util.Arrays.copyOf(b.array(), width);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
