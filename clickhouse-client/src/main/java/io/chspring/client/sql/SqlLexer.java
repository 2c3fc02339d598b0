package io.chspring.client.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over SQL text that finds client-side placeholders ({@code ?}, {@code ?fields}, {@code :name}) and
 * server-side parameters ({@code {name:Type}}) outside everything that is not SQL code: quoted strings and
 * identifiers (backslash escapes and doubled quotes), {@code $tag$…$tag$} heredoc strings, {@code --} and
 * {@code # }/{@code #!} line comments and nested {@code /* *}{@code /} comments, the token rules of ClickHouse's
 * {@code src/Parsers/Lexer.cpp}.
 *
 * <p>On the way it follows whether the last code token was the keyword {@code IN} (or {@code IN} and an opening
 * parenthesis), with whitespace and comments between, so that a placeholder knows it stands for an IN-list and
 * {@link SqlTemplate} can write a bound collection in the tuple form every server version reads.
 */
final class SqlLexer {

    private final String sql;
    private final int length;
    private final List<String> texts = new ArrayList<>();
    private final List<Placeholder> placeholders = new ArrayList<>();
    private final Set<String> serverParameters = new LinkedHashSet<>();
    private int textStart;
    private Placeholder.Position position = Placeholder.Position.VALUE;

    private SqlLexer(String sql) {
        this.sql = sql;
        this.length = sql.length();
    }

    /** The text between placeholders (one more than the placeholders), the placeholders, the server parameters. */
    record Result(List<String> texts, List<Placeholder> placeholders, Set<String> serverParameters) {
    }

    static Result lex(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return new Result(lexer.texts, lexer.placeholders, lexer.serverParameters);
    }

    private void run() {
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            switch (c) {
                case '\'', '"', '`' -> i = operand(skipQuoted(i, c));
                case '-' -> i = at(i + 1) == '-' ? skipLine(i) : operand(i + 1);
                case '#' -> i = at(i + 1) == ' ' || at(i + 1) == '!' ? skipLine(i) : operand(i + 1);
                case '/' -> i = at(i + 1) == '*' ? skipBlockComment(i) : operand(i + 1);
                case '$' -> i = operand(skipHeredoc(i));
                case '{' -> i = operand(skipServerParameter(i));
                case '?' -> i = operand(question(i));
                case ':' -> i = operand(colon(i));
                default -> i = other(i, c);
            }
        }
        texts.add(sql.substring(textStart));
    }

    /** After a token that is neither whitespace, a comment, {@code IN} nor its parenthesis. */
    private int operand(int next) {
        position = Placeholder.Position.VALUE;
        return next;
    }

    /** A word (where {@code IN} is recognised), whitespace (which keeps the state) or a one-character token. */
    private int other(int start, char c) {
        if (isIdentifierPart(c)) {
            int end = start + 1;
            while (end < length && isIdentifierPart(sql.charAt(end))) {
                end++;
            }
            boolean in = end - start == 2 && sql.regionMatches(true, start, "in", 0, 2);
            position = in ? Placeholder.Position.AFTER_IN : Placeholder.Position.VALUE;
            return end;
        }
        if (c == '(' && position == Placeholder.Position.AFTER_IN) {
            position = Placeholder.Position.IN_PARENTHESES;
        } else if (!Character.isWhitespace(c)) {
            position = Placeholder.Position.VALUE;
        }
        return start + 1;
    }

    private char at(int i) {
        return i < length ? sql.charAt(i) : '\0';
    }

    private int skipQuoted(int start, char quote) {
        int i = start + 1;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (at(i + 1) != quote) {
                    return i + 1;
                }
                i += 2;
            } else {
                i++;
            }
        }
        String what = quote == '\'' ? "string literal" : "quoted identifier";
        throw new IllegalArgumentException("Unterminated " + what + " starting at offset " + start + " of the SQL");
    }

    private int skipLine(int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? length : end + 1;
    }

    private int skipBlockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < length) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated comment starting at offset " + start + " of the SQL");
    }

    /** {@code $tag$ … $tag$} (tag may be empty); a {@code $} that opens no such string is an ordinary character. */
    private int skipHeredoc(int start) {
        int i = start + 1;
        while (i < length && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        if (at(i) != '$' || i >= length) {
            return start + 1;
        }
        String delimiter = sql.substring(start, i + 1);
        int end = sql.indexOf(delimiter, i + 1);
        return end < 0 ? start + 1 : end + delimiter.length();
    }

    /** {@code {name:Type}} is left to the server; any other brace is an ordinary character. */
    private int skipServerParameter(int start) {
        int i = skipSpaces(start + 1);
        int nameStart = i;
        if (i >= length || !isIdentifierStart(sql.charAt(i))) {
            return start + 1;
        }
        while (i < length && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        String name = sql.substring(nameStart, i);
        i = skipSpaces(i);
        if (at(i) != ':' || at(i + 1) == ':') {
            return start + 1;
        }
        i++;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '}') {
                serverParameters.add(name);
                return i + 1;
            }
            i = c == '\'' || c == '"' || c == '`' ? skipQuoted(i, c) : i + 1;
        }
        return start + 1;
    }

    private int skipSpaces(int i) {
        while (i < length && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private int question(int start) {
        int end = start + 1;
        if (sql.startsWith("fields", end) && !isIdentifierPart(at(end + 6))) {
            cut(start, end + 6, new Placeholder(Placeholder.Kind.FIELDS, null, Placeholder.Position.VALUE));
        } else {
            cut(start, end, new Placeholder(Placeholder.Kind.POSITIONAL, null, position));
        }
        return textStart;
    }

    /**
     * {@code ::} is a cast; {@code :name} is a placeholder only after a character that cannot end an operand, so
     * {@code a:b}, {@code x.:Type} and {@code 'k':v} are left alone.
     */
    private int colon(int start) {
        if (at(start + 1) == ':') {
            return start + 2;
        }
        if (!isIdentifierStart(at(start + 1)) || (start > 0 && endsOperand(sql.charAt(start - 1)))) {
            return start + 1;
        }
        int end = start + 2;
        while (end < length && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        cut(start, end, new Placeholder(Placeholder.Kind.NAMED, sql.substring(start + 1, end), position));
        return end;
    }

    private void cut(int start, int end, Placeholder placeholder) {
        texts.add(sql.substring(textStart, start));
        placeholders.add(placeholder);
        textStart = end;
    }

    private static boolean endsOperand(char c) {
        return isIdentifierPart(c) || c == '.' || c == ')' || c == ']' || c == '\'' || c == '"' || c == '`'
                || c == '}';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
