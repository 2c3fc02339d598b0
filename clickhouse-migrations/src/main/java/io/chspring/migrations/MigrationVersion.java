package io.chspring.migrations;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The version of a versioned script, from its name: {@code V2__x.sql} is 2, {@code V2_1__x.sql} and
 * {@code V2.1__x.sql} are 2.1. Versions compare part by part as numbers (2.10 is after 2.9; 1.0 equals 1).
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

    private static final Pattern FORM = Pattern.compile("\\d+([._]\\d+)*");

    private final BigInteger[] parts;
    private final String text;

    private MigrationVersion(BigInteger[] parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /**
     * Parses {@code 2}, {@code 2.1} or {@code 2_1}.
     *
     * @throws IllegalArgumentException when {@code version} is not digits separated by dots or underscores
     */
    public static MigrationVersion parse(@Nullable String version) {
        if (version == null || !FORM.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "a version is digits separated by '.' or '_' (1, 2.1, 2_1), not '" + version + "'");
        }
        String[] split = version.split("[._]");
        BigInteger[] parts = new BigInteger[split.length];
        for (int i = 0; i < split.length; i++) {
            parts[i] = new BigInteger(split[i]);
        }
        // trailing zeros do not count, so that 1.0 and 1 are one version (a duplicate)
        int length = parts.length;
        while (length > 1 && parts[length - 1].signum() == 0) {
            length--;
        }
        BigInteger[] significant = Arrays.copyOf(parts, length);
        StringBuilder text = new StringBuilder();
        for (BigInteger part : significant) {
            text.append(text.length() == 0 ? "" : ".").append(part);
        }
        return new MigrationVersion(significant, text.toString());
    }

    @Override
    public int compareTo(MigrationVersion other) {
        int n = Math.max(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.length ? parts[i] : BigInteger.ZERO;
            BigInteger b = i < other.parts.length ? other.parts[i] : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical form, dot-separated without leading or trailing zeros: {@code 2.1}. */
    @Override
    public String toString() {
        return text;
    }
}
