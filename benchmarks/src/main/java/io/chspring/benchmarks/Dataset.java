package io.chspring.benchmarks;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The deterministic benchmark rows: row {@code i} is always the same, whichever process or thread makes it, so
 * every client inserts the same rows and the curl limit posts the same bytes. Values look like a web event log:
 * URLs of 30-80 ASCII characters, an empty referrer two times in three, a NULL comment four times in five,
 * zero to five tags.
 */
public final class Dataset {

    /** Column names and types, in table order. */
    static final String[][] COLUMN_TYPES = {
        {"id", "UInt64"}, {"ts", "DateTime"}, {"user_id", "UInt32"}, {"url", "String"}, {"referrer", "String"},
        {"duration", "Float64"}, {"status", "UInt16"}, {"comment", "Nullable(String)"}, {"tags", "Array(UInt32)"},
        {"kind", "Enum8('view' = 1, 'click' = 2, 'purchase' = 3, 'error' = 4)"},
    };

    /** The column list of the benchmark table, for {@code CREATE TABLE t (...)}. */
    public static final String COLUMNS = String.join(", ",
            java.util.Arrays.stream(COLUMN_TYPES).map(c -> c[0] + " " + c[1]).toList());

    /** The column names of the benchmark table, comma-separated, for a select list written out. */
    static final String COLUMN_LIST = String.join(", ",
            java.util.Arrays.stream(COLUMN_TYPES).map(c -> c[0]).toList());

    private static final long EPOCH = 1_700_000_000L;
    private static final String[] HOSTS = {"https://shop.example.com", "https://www.example.org", "http://blog.example.net"};
    private static final String[] PATHS = {"/products/", "/cart/", "/search?q=", "/articles/", "/users/"};
    private static final String[] REFERRERS = {"https://www.google.com/", "https://news.ycombinator.com/item?id=1"};
    private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 301, 304, 404, 500};
    private static final Kind[] KINDS = Kind.values();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-".toCharArray();

    private Dataset() {
    }

    /** Row number {@code i}. */
    public static Event event(long i) {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 12345);
        String url = url(r);
        String referrer = r.nextInt(3) == 0 ? REFERRERS[r.nextInt(REFERRERS.length)] : "";
        String comment = r.nextInt(5) == 0 ? "note " + Long.toString(r.nextLong(1_000_000), 36) : null;
        long[] tags = new long[r.nextInt(6)];
        for (int t = 0; t < tags.length; t++) {
            tags[t] = r.nextLong(1L << 32);
        }
        return new Event(i, Instant.ofEpochSecond(EPOCH + i / 10), r.nextLong(1L << 32), url, referrer,
                r.nextDouble() * 5000, STATUSES[r.nextInt(STATUSES.length)], comment, tags, KINDS[r.nextInt(KINDS.length)]);
    }

    private static String url(SplittableRandom r) {
        String host = HOSTS[r.nextInt(HOSTS.length)];
        String path = PATHS[r.nextInt(PATHS.length)];
        int length = 30 + r.nextInt(51);
        StringBuilder sb = new StringBuilder(length).append(host).append(path);
        while (sb.length() < length) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        sb.setLength(length);
        return sb.toString();
    }
}
