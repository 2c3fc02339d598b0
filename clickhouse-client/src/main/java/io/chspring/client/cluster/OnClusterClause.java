package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import java.util.Locale;
import java.util.Set;

/**
 * Puts {@code ON CLUSTER name} where ClickHouse's grammar wants it in a DDL statement, so that applications write
 * their DDL once and the client runs it on the configured cluster: after the object name of {@code CREATE},
 * {@code ATTACH}, {@code ALTER}, {@code DROP}, {@code DETACH}, {@code TRUNCATE} and {@code OPTIMIZE}, at the end
 * of {@code RENAME}. A statement that already says {@code ON CLUSTER} is left alone. Only the head of the
 * statement is read (comments and quoted names are understood); the rest is never touched.
 */
public final class OnClusterClause {

    private static final Set<String> OBJECT_KINDS = Set.of("TABLE", "VIEW", "DATABASE", "DICTIONARY");

    private final String sql;
    private int pos;

    private OnClusterClause(String sql) {
        this.sql = sql;
    }

    /** {@code sql} with {@code ON CLUSTER cluster} in its place. */
    public static String insert(String sql, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            throw new ClickHouseConfigurationException("The cluster name is empty");
        }
        return new OnClusterClause(sql).rewrite(quote(cluster));
    }

    private String rewrite(String cluster) {
        String verb = word();
        int at = switch (verb) {
            case "CREATE", "ATTACH" -> {
                optional("OR", "REPLACE");
                optional("TEMPORARY");
                String kind = word();
                if (kind.equals("MATERIALIZED")) {
                    kind = word();
                }
                yield afterName(verb, kind, "NOT");
            }
            case "DROP", "DETACH" -> afterName(verb, word(), null);
            case "ALTER", "OPTIMIZE" -> afterName(verb, word(), null);
            case "TRUNCATE" -> {
                int save = pos;
                if (!word().equals("TABLE")) {
                    pos = save;
                }
                yield afterName(verb, "TABLE", null);
            }
            case "RENAME" -> end();
            default -> throw unsupported(verb.isEmpty() ? "(none)" : verb);
        };
        if (at < 0) {
            return sql;
        }
        return sql.substring(0, at) + " ON CLUSTER " + cluster + sql.substring(at);
    }

    /** The index after the object name; -1 when ON CLUSTER already follows it. */
    private int afterName(String verb, String kind, String ifNot) {
        if (!OBJECT_KINDS.contains(kind)) {
            throw unsupported(verb + " " + kind);
        }
        int save = pos;
        if (word().equals("IF")) {
            if (ifNot != null) {
                expect(ifNot);
            }
            expect("EXISTS");
        } else {
            pos = save;
        }
        name();
        int end = pos;
        skipSpace();
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            name();
            end = pos;
        }
        if (word().equals("ON") && word().equals("CLUSTER")) {
            return -1;
        }
        return end;
    }

    /** The end of the statement before a trailing ';' and whitespace; -1 if it already says ON CLUSTER. */
    private int end() {
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.matches("(?s).*\\bON\\s+CLUSTER\\b.*")) {
            return -1;
        }
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return end;
    }

    private void optional(String... words) {
        int save = pos;
        for (String w : words) {
            if (!word().equals(w)) {
                pos = save;
                return;
            }
        }
    }

    private void expect(String w) {
        String got = word();
        if (!got.equals(w)) {
            throw new ClickHouseConfigurationException("Cannot add ON CLUSTER: expected " + w + " but found '" + got
                    + "' in the statement");
        }
    }

    /** The next bare word, upper-cased; empty when the next token is not a word. */
    private String word() {
        skipSpace();
        int start = pos;
        while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
            pos++;
        }
        return sql.substring(start, pos).toUpperCase(Locale.ROOT);
    }

    private void name() {
        skipSpace();
        if (pos < sql.length() && (sql.charAt(pos) == '`' || sql.charAt(pos) == '"')) {
            char quote = sql.charAt(pos++);
            while (pos < sql.length() && sql.charAt(pos) != quote) {
                pos += sql.charAt(pos) == '\\' ? 2 : 1;
            }
            if (pos >= sql.length()) {
                throw new ClickHouseConfigurationException("Cannot add ON CLUSTER: unclosed quoted name");
            }
            pos++;
        } else if (word().isEmpty()) {
            throw new ClickHouseConfigurationException("Cannot add ON CLUSTER: no object name where one belongs");
        }
    }

    private void skipSpace() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                int nl = sql.indexOf('\n', pos);
                pos = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                pos = close < 0 ? sql.length() : close + 2;
            } else {
                return;
            }
        }
    }

    private static ClickHouseConfigurationException unsupported(String what) {
        return new ClickHouseConfigurationException("Cannot run " + what + " ON CLUSTER: only CREATE, ATTACH, ALTER, "
                + "DROP, DETACH, TRUNCATE, OPTIMIZE and RENAME of tables, views, databases and dictionaries are "
                + "distributed DDL");
    }

    private static String quote(String name) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return name;
        }
        return '`' + name.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }
}
