package io.chspring.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which output formats can be streamed chunk by chunk. chDB formats each chunk separately, so only formats whose
 * chunks concatenate into one valid result qualify: row formats without header or footer, {@code Native} (a
 * sequence of blocks), and the RowBinary formats with names (their repeated header is dropped). Everything else
 * ({@code JSON}, {@code *WithNames} text formats, {@code Values}, {@code Parquet} ...) is read whole.
 */
final class StreamableFormats {

    /** Strings per column in the repeated header, by lower-case format name; 0 for none. */
    private static final Map<String, Integer> HEADER_STRINGS = Map.ofEntries(
            Map.entry("rowbinary", 0), Map.entry("rowbinarywithnames", 1), Map.entry("rowbinarywithnamesandtypes", 2),
            Map.entry("tabseparated", 0), Map.entry("tsv", 0), Map.entry("tabseparatedraw", 0), Map.entry("tsvraw", 0),
            Map.entry("csv", 0), Map.entry("jsoneachrow", 0), Map.entry("jsoncompacteachrow", 0),
            Map.entry("jsonstringseachrow", 0), Map.entry("jsonlines", 0), Map.entry("ndjson", 0),
            Map.entry("native", 0));

    /** A FORMAT clause in the SQL overrides the requested format; we do not parse SQL, so any mention disables streaming. */
    private static final Pattern FORMAT_WORD = Pattern.compile("(?i)\\bFORMAT\\b");

    private StreamableFormats() {
    }

    /** The header strings per column when {@code format} streams safely for {@code sql}, else -1. */
    static int headerStrings(String format, String sql) {
        Integer strings = HEADER_STRINGS.get(format.toLowerCase(Locale.ROOT));
        if (strings == null || FORMAT_WORD.matcher(sql).find()) {
            return -1;
        }
        return strings;
    }
}
