package io.chspring.client.sql;

import java.util.Locale;

/**
 * SQL text fit to be recorded by tracing: the statement's shape without its values. Bound values are written into
 * the SQL a client sends (client-side binding), and a hand-written statement may hold literals too, so a trace that
 * records SQL must not record it as sent: strings, numbers and heredocs become {@code ?} and comments are dropped,
 * while identifiers (quoted or not), keywords and server-side parameters ({@code {name:Type}}) stay.
 */
public final class QueryText {

    private QueryText() {
    }

    /**
     * The statement's first keyword in upper case ({@code SELECT}, {@code INSERT}, ...), after leading whitespace,
     * comments and opening parentheses; {@code UNKNOWN} when it does not start with a word.
     */
    public static String firstKeyword(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        while (i < sql.length() && sql.charAt(i) == '(') {
            i = skipSpaceAndComments(sql, i + 1);
        }
        int end = i;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return end == i ? "UNKNOWN" : sql.substring(i, end).toUpperCase(Locale.ROOT);
    }

    /**
     * {@code sql} with every string literal, number and heredoc replaced by {@code ?}, comments and runs of whitespace
     * replaced by one space, cut to {@code maxLength} characters (with a trailing {@code …} when cut).
     */
    public static String withoutLiterals(String sql, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), maxLength + 1));
        int n = sql.length();
        int i = 0;
        while (i < n && out.length() <= maxLength) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                out.append('?');
            } else if (c == '"' || c == '`') {
                int end = skipQuoted(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && heredocEnd(sql, i) > 0) {
                i = heredocEnd(sql, i);
                out.append('?');
            } else if (startsComment(sql, i) || Character.isWhitespace(c)) {
                i = skipSpaceAndComments(sql, i);
                if (out.length() > 0 && i < n) {
                    out.append(' ');
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                i = skipNumber(sql, i);
                out.append('?');
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        if (out.length() > maxLength) {
            out.setLength(maxLength);
            out.append('…');
        } else if (i < n) {
            out.append('…');
        }
        return out.toString();
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after a {@code $tag$…$tag$} heredoc starting at {@code start}, or -1 when none starts there. */
    private static int heredocEnd(String sql, int start) {
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return -1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean startsComment(String sql, int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
        return (c == '-' && next == '-') || (c == '/' && next == '*') || (c == '#' && (next == ' ' || next == '!'));
    }

    private static int skipSpaceAndComments(String sql, int start) {
        int i = start;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (startsComment(sql, i) && c != '/') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (startsComment(sql, i)) {
                i = skipBlockComment(sql, i);
            } else {
                break;
            }
        }
        return i;
    }

    /** Block comments nest in ClickHouse's lexer. */
    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Decimal, hex ({@code 0x1F}), binary, exponent and fraction forms: everything up to the next non-number char. */
    private static int skipNumber(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                i++;
            } else if ((c == '+' || c == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')
                    && !sql.regionMatches(true, start, "0x", 0, 2)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
