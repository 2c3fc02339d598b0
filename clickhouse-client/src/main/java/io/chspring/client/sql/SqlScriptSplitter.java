package io.chspring.client.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at the semicolons that are outside string literals ({@code '...'} with
 * backslash escapes and doubled quotes), quoted identifiers ({@code "..."}, {@code `...`}), heredocs
 * ({@code $tag$...$tag$}) and comments ({@code --}, {@code #} followed by a space or {@code !}, nested
 * {@code /* ... * /}). Comments are replaced by a space (a line comment keeps its line break), because the HTTP
 * interface of 18.16 does not know {@code #} comments; a piece holding only comments and blanks is no statement.
 *
 * <p>The lexer follows ClickHouse's own rules for where a token ends, not a general SQL grammar: enough to find
 * statement boundaries, never to parse. The statements' text is stable (schema migrations checksum it), so a change
 * here changes the checksums of scripts that already ran.
 */
public final class SqlScriptSplitter {

    /**
     * One statement of a script.
     *
     * @param sql its text without comments, stripped, without the closing semicolon
     * @param line the 1-based line of the script where it starts (its first character that is not a blank)
     * @param column the 1-based column of that character on its line (in UTF-16 chars)
     * @param offset the 0-based index of that character in the script
     */
    public record Statement(String sql, int line, int column, int offset) {

        /** The first line of the statement, for messages. */
        public String firstLine() {
            int end = sql.indexOf('\n');
            return end < 0 ? sql : sql.substring(0, end).stripTrailing();
        }
    }

    /** Thrown for a string, identifier or comment left open at the end of the script. */
    public static final class UnterminatedException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int line;

        UnterminatedException(String what, int line) {
            super(what + " opened on line " + line + " is not closed");
            this.line = line;
        }

        /** The 1-based line where the unclosed part opens. */
        public int line() {
            return line;
        }
    }

    private SqlScriptSplitter() {
    }

    /**
     * The statements of {@code script}, in order; empty pieces (only blanks, comments or a lone semicolon) are left
     * out.
     *
     * @throws UnterminatedException when a string, quoted identifier, heredoc or comment is not closed
     */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int startOffset = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == ';') {
                add(statements, current, startLine, script, startOffset);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(script, i, c, line);
            } else if (c == '-' && at(script, i + 1, '-')) {
                end = lineEnd(script, i);
                current.append(' ');
                i = end;
                continue;
            } else if (c == '#' && (at(script, i + 1, ' ') || at(script, i + 1, '!') || at(script, i + 1, '\t'))) {
                end = lineEnd(script, i);
                current.append(' ');
                i = end;
                continue;
            } else if (c == '/' && at(script, i + 1, '*')) {
                end = blockComment(script, i, line);
                line += count(script, i, end);
                current.append(' ');
                i = end;
                continue;
            } else if (c == '$' && (end = heredoc(script, i, line)) > 0) {
                // end found by heredoc()
            } else {
                if (c == '\n') {
                    line++;
                } else if (startLine < 0 && !Character.isWhitespace(c)) {
                    startLine = line;
                    startOffset = i;
                }
                current.append(c);
                i++;
                continue;
            }
            if (startLine < 0) {
                startLine = line;
                startOffset = i;
            }
            current.append(script, i, end);
            line += count(script, i, end);
            i = end;
        }
        add(statements, current, startLine, script, startOffset);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder text, int line, String script, int offset) {
        String sql = text.toString().strip();
        if (!sql.isEmpty()) {
            int column = offset - (script.lastIndexOf('\n', offset - 1) + 1) + 1;
            statements.add(new Statement(sql, line, column, offset));
        }
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The index of the line break ending a line comment (kept in the statement), or the end of the script. */
    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end;
    }

    /** The index after the closing quote; a backslash escapes the next character, a doubled quote is one quote. */
    private static int quoted(String s, int start, char quote, int line) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (at(s, i + 1, quote)) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new UnterminatedException(quote == '\'' ? "A string literal" : "A quoted identifier " + quote, line);
    }

    /** The index after the comment's end; comments nest, as in ClickHouse and the SQL standard. */
    private static int blockComment(String s, int start, int line) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new UnterminatedException("A comment /*", line);
    }

    /**
     * The index after a heredoc starting at {@code start} ({@code $$...$$} or {@code $tag$...$tag$}), or -1 when the
     * dollar does not open one ({@code ${placeholder}} for instance).
     */
    private static int heredoc(String s, int start, int line) {
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        if (!at(s, i, '$')) {
            return -1;
        }
        String tag = s.substring(start, i + 1);
        int close = s.indexOf(tag, i + 1);
        if (close < 0) {
            throw new UnterminatedException("A heredoc " + tag, line);
        }
        return close + tag.length();
    }
}
