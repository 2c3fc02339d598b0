package io.chspring.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Keeps chDB's Arrow encoder serial. chDB 26.5 encodes {@code Arrow} and {@code ArrowStream} results on several
 * threads, and that encoder can deadlock: its back-pressure wait is never woken once every encode job has finished,
 * so {@code chdb_query_n} never returns (chdb-io/chdb-core#212, fixed upstream after 26.5.3). Here it hung a test JVM
 * within a few dozen {@code SELECT number FROM numbers(200000)} ArrowStream queries of 1,000-row blocks. The serial
 * encoder is the one ClickHouse servers use, and it is what every Arrow result of this engine gets, unless the request
 * sets {@value #SETTING} itself.
 */
final class ArrowEncoding {

    /** chDB's own setting (a ClickHouse server does not have it). */
    static final String SETTING = "output_format_arrow_parallel_encoding";

    /** A FORMAT clause naming an Arrow format overrides the requested one; any mention counts. */
    private static final Pattern ARROW_FORMAT_CLAUSE = Pattern.compile("(?i)\\bFORMAT\\s+`?Arrow");

    private ArrowEncoding() {
    }

    /**
     * Adds {@code SETTING = 0} to {@code settings} when the result is Arrow (by {@code format} or a FORMAT clause in
     * {@code sql}), the engine has the setting, and the request did not choose a value.
     */
    static void serialUnlessChosen(Map<String, String> settings, String format, String sql,
            BooleanSupplier engineHasSetting) {
        if (!settings.containsKey(SETTING) && isArrow(format, sql) && engineHasSetting.getAsBoolean()) {
            settings.put(SETTING, "0");
        }
    }

    static boolean isArrow(String format, String sql) {
        return format.toLowerCase(Locale.ROOT).startsWith("arrow") || ARROW_FORMAT_CLAUSE.matcher(sql).find();
    }
}
