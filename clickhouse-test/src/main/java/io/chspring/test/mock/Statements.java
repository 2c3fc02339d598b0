package io.chspring.test.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Just enough SQL reading for the mock to recognise what the client asks on its own ({@code SELECT version()},
 * {@code DESCRIBE}) and to read the table, column list and format of an {@code INSERT}. Identifiers may be bare,
 * back-quoted or double-quoted, with backslash escapes, as the client writes them (ClickHouse's lexer,
 * {@code src/Parsers/Lexer.cpp}, accepts the same).
 */
final class Statements {

    /** {@code SELECT version()}, or the client's {@code SELECT version(), timezone()}. */
    private static final Pattern VERSION = Pattern.compile(
            "(?is)\\s*SELECT\\s+version\\s*\\(\\s*\\)(\\s*,\\s*timezone\\s*\\(\\s*\\))?\\s*;?\\s*");
    private static final Pattern TIME_ZONE = Pattern.compile("(?is)\\s*SELECT\\s+timezone\\s*\\(\\s*\\)\\s*;?\\s*");
    private static final Pattern DESCRIBE_QUERY = Pattern.compile("(?is)\\s*DESC(RIBE)?\\s+(TABLE\\s+)?\\(.*");
    private static final Pattern INSERT = Pattern.compile("(?is)\\s*INSERT\\s+INTO\\b.*");

    /** An INSERT's target and data description. */
    record Insert(List<String> table, List<String> columns, String format) {
    }

    private Statements() {
    }

    static boolean isVersionQuery(String sql) {
        return VERSION.matcher(sql).matches();
    }

    /** Whether the version query asks the time zone too. */
    static boolean asksTimeZone(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains("timezone");
    }

    static boolean isTimeZoneQuery(String sql) {
        return TIME_ZONE.matcher(sql).matches();
    }

    static boolean isDescribeQuery(String sql) {
        return DESCRIBE_QUERY.matcher(sql).matches();
    }

    static boolean isInsert(String sql) {
        return INSERT.matcher(sql).matches();
    }

    /** The name parts of a {@code DESCRIBE [TABLE] t} statement, or {@code null} for any other statement. */
    static List<String> describedTable(String sql) {
        Cursor c = new Cursor(sql);
        if (!(c.keyword("DESCRIBE") || c.keyword("DESC"))) {
            return null;
        }
        c.keyword("TABLE");
        List<String> name = c.qualifiedName();
        if (name == null) {
            return null;
        }
        c.symbol(';');
        return c.atEnd() ? name : null;
    }

    /** The parts of {@code INSERT INTO [TABLE] t [(a, b)] FORMAT f}, or {@code null} when it is not of that form. */
    static Insert insert(String sql) {
        Cursor c = new Cursor(sql);
        if (!c.keyword("INSERT") || !c.keyword("INTO")) {
            return null;
        }
        c.keyword("TABLE");
        List<String> table = c.qualifiedName();
        if (table == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        if (c.symbol('(')) {
            do {
                String column = c.identifier();
                if (column == null) {
                    return null;
                }
                columns.add(column);
            } while (c.symbol(','));
            if (!c.symbol(')')) {
                return null;
            }
        }
        if (!c.keyword("FORMAT")) {
            return null;
        }
        String format = c.identifier();
        return format == null ? null : new Insert(table, columns, format);
    }

    /** Reads tokens left to right, skipping whitespace; each method consumes its token only when it matches. */
    private static final class Cursor {

        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean atEnd() {
            skipSpace();
            return i == s.length();
        }

        boolean keyword(String word) {
            skipSpace();
            int end = i + word.length();
            if (end <= s.length() && s.substring(i, end).toUpperCase(Locale.ROOT).equals(word)
                    && (end == s.length() || !isWordChar(s.charAt(end)))) {
                i = end;
                return true;
            }
            return false;
        }

        boolean symbol(char ch) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        List<String> qualifiedName() {
            String first = identifier();
            if (first == null) {
                return null;
            }
            List<String> parts = new ArrayList<>(List.of(first));
            while (i < s.length() && s.charAt(i) == '.') {
                i++;
                String next = identifier();
                if (next == null) {
                    return null;
                }
                parts.add(next);
            }
            return parts;
        }

        String identifier() {
            skipSpace();
            if (i == s.length()) {
                return null;
            }
            char q = s.charAt(i);
            if (q == '`' || q == '"') {
                return quoted(q);
            }
            int start = i;
            while (i < s.length() && isWordChar(s.charAt(i))) {
                i++;
            }
            return i > start && !Character.isDigit(s.charAt(start)) ? s.substring(start, i) : null;
        }

        private String quoted(char q) {
            StringBuilder sb = new StringBuilder();
            i++;
            while (i < s.length()) {
                char ch = s.charAt(i++);
                if (ch == '\\' && i < s.length()) {
                    sb.append(s.charAt(i++));
                } else if (ch == q && i < s.length() && s.charAt(i) == q) {
                    sb.append(q);
                    i++;
                } else if (ch == q) {
                    return sb.toString();
                } else {
                    sb.append(ch);
                }
            }
            return null;
        }

        private static boolean isWordChar(char ch) {
            return ch == '_' || Character.isLetterOrDigit(ch);
        }
    }
}
