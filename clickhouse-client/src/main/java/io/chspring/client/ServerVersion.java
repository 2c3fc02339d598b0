package io.chspring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ClickHouse server version as {@code SELECT version()} reports it: {@code 18.16.1}, {@code 24.3.2.23},
 * {@code 26.5.1.1-testing}, {@code 21.8.15.7.altinitystable}. Up to four numeric parts are compared; missing parts
 * count as 0 and the text after them (the suffix) only breaks ties, so ordering is consistent with
 * {@link #equals(Object)}.
 */
public final class ServerVersion implements Comparable<ServerVersion> {

    private final int major;
    private final int minor;
    private final int patch;
    private final int build;
    private final String suffix;
    private final String text;

    private ServerVersion(int major, int minor, int patch, int build, String suffix, String text) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.build = build;
        this.suffix = suffix;
        this.text = text;
    }

    /**
     * Parses a version string; at least {@code major.minor} must be numeric.
     *
     * @throws ClickHouseConfigurationException when the text is not a version; the message quotes it
     */
    public static ServerVersion parse(String version) {
        Objects.requireNonNull(version, "version");
        String text = version.strip();
        List<Integer> numbers = new ArrayList<>(4);
        int i = 0;
        while (numbers.size() < 4 && i < text.length() && Character.isDigit(text.charAt(i))) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i - start > 9) {
                throw invalid(text);
            }
            numbers.add(Integer.parseInt(text.substring(start, i)));
            if (i < text.length() && text.charAt(i) == '.' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)) && numbers.size() < 4) {
                i++;
            } else {
                break;
            }
        }
        if (numbers.size() < 2) {
            throw invalid(text);
        }
        String rest = text.substring(i);
        if (!rest.isEmpty() && rest.charAt(0) != '-' && rest.charAt(0) != '.' && rest.charAt(0) != ' ') {
            throw invalid(text);
        }
        String suffix = rest.isEmpty() ? "" : rest.substring(1).strip();
        return new ServerVersion(numbers.get(0), numbers.get(1), part(numbers, 2), part(numbers, 3), suffix, text);
    }

    /** A version of just {@code major.minor}, handy for comparisons. */
    public static ServerVersion of(int major, int minor) {
        return new ServerVersion(major, minor, 0, 0, "", major + "." + minor);
    }

    private static int part(List<Integer> numbers, int index) {
        return index < numbers.size() ? numbers.get(index) : 0;
    }

    private static ClickHouseConfigurationException invalid(String text) {
        return new ClickHouseConfigurationException("Not a ClickHouse version: '" + text + "' (expected e.g. 24.3.2.23)");
    }

    /** The year-based major number, for example 24 in {@code 24.3.2.23}. */
    public int major() {
        return major;
    }

    /** The minor (release) number, for example 3 in {@code 24.3.2.23}. */
    public int minor() {
        return minor;
    }

    /** The third number, 0 when absent. */
    public int patch() {
        return patch;
    }

    /** The fourth number, 0 when absent. */
    public int build() {
        return build;
    }

    /** The text after the numbers, for example {@code testing}; empty when there is none. */
    public String suffix() {
        return suffix;
    }

    /** Whether this version is {@code major.minor} or newer. */
    public boolean isAtLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        if (c == 0) {
            c = Integer.compare(build, other.build);
        }
        return c != 0 ? c : suffix.compareTo(other.suffix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch, build, suffix);
    }

    /** The version as the server wrote it. */
    @Override
    public String toString() {
        return text;
    }
}
