package io.chspring.client.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list such as a table structure ({@code id UInt64, m Map(String, UInt8)}) or engine arguments
 * ({@code 'c', db, t, rand()}) at the commas outside parentheses, brackets and quotes. The one splitter of such lists:
 * external data structures and Distributed engine arguments both use it.
 */
public final class TopLevelCommas {

    private TopLevelCommas() {
    }

    /**
     * The parts of {@code text} between top-level commas, as they stand (not stripped).
     *
     * @throws IllegalArgumentException saying what does not balance: a closing bracket that closes nothing, or a
     *     quote or bracket left open
     */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("a '" + c + "' at position " + (i + 1) + " closes nothing");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quote != 0 || depth != 0) {
            throw new IllegalArgumentException(quote != 0 ? "a quote is not closed" : "a '(' is not closed");
        }
        parts.add(text.substring(start));
        return parts;
    }
}
