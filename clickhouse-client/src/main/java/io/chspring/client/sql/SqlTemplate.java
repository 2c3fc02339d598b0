package io.chspring.client.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A SQL text parsed once for client-side placeholders: {@code ?} (one bound value each), {@code :name} (a value
 * bound by name; the same name may appear several times) and {@code ?fields} (the mapped column list of a row
 * type). A template uses {@code ?} or {@code :name}, never both. Placeholders inside string literals, quoted
 * identifiers and comments are left alone, as are {@code ::} casts and server-side {@code {name:Type}} parameters,
 * whose names {@link #serverParameterNames()} lists. Immutable and thread-safe: parse once, render many times.
 *
 * <p>A collection or array bound right after {@code IN} ({@code x IN ?}, {@code x NOT IN :ids}) is written as the
 * list {@code (a, b, c)}, and inside {@code IN (?)} as its items, because ClickHouse 18.16 refuses the array literal
 * {@code [a, b, c]} there; an empty one becomes {@code (NULL)}, which matches no row. Anywhere else a collection is an
 * array. Whitespace and comments may stand between {@code IN} and the placeholder.
 *
 * <p>A {@code ?} is always a placeholder outside quotes and comments: write the ternary operator
 * {@code c ? a : b} as {@code if(c, a, b)}.
 */
public final class SqlTemplate {

    private static final String FIELDS = "?fields";

    private final String sql;
    private final String[] texts;
    private final Placeholder[] placeholders;
    private final int positionalCount;
    private final boolean hasFields;
    private final List<String> namedParameterNames;
    private final Set<String> serverParameterNames;
    private final int textLength;

    private SqlTemplate(String sql, String[] texts, Placeholder[] placeholders, Set<String> serverParameterNames) {
        this.sql = sql;
        this.texts = texts;
        this.placeholders = placeholders;
        int positional = 0;
        boolean fields = false;
        Set<String> named = new LinkedHashSet<>();
        for (Placeholder p : placeholders) {
            switch (p.kind()) {
                case POSITIONAL -> positional++;
                case FIELDS -> fields = true;
                case NAMED -> named.add(p.name());
            }
        }
        if (positional > 0 && !named.isEmpty()) {
            throw new IllegalArgumentException("SQL mixes " + positional + " ? placeholder(s) with named parameter(s) "
                    + named.stream().map(n -> ":" + n).toList() + "; use one style");
        }
        this.positionalCount = positional;
        this.hasFields = fields;
        this.namedParameterNames = List.copyOf(named);
        this.serverParameterNames = serverParameterNames;
        int length = 0;
        for (String text : texts) {
            length += text.length();
        }
        this.textLength = length;
    }

    /**
     * Parses {@code sql}.
     *
     * @throws IllegalArgumentException when a quote or comment is not closed, or both {@code ?} and {@code :name}
     *     placeholders are used
     */
    public static SqlTemplate parse(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("SQL must not be null");
        }
        SqlLexer.Result lexed = SqlLexer.lex(sql);
        return new SqlTemplate(sql, lexed.texts().toArray(new String[0]),
                lexed.placeholders().toArray(new Placeholder[0]),
                Collections.unmodifiableSet(new LinkedHashSet<>(lexed.serverParameters())));
    }

    /** The SQL text as given. */
    public String sql() {
        return sql;
    }

    /** The number of {@code ?} placeholders. */
    public int placeholderCount() {
        return positionalCount;
    }

    /** Whether the text has a {@code ?fields} placeholder. */
    public boolean hasFields() {
        return hasFields;
    }

    /** The distinct {@code :name} parameter names, in order of first appearance. */
    public List<String> namedParameterNames() {
        return namedParameterNames;
    }

    /** The names of the server-side {@code {name:Type}} parameters, in order of first appearance; left untouched. */
    public Set<String> serverParameterNames() {
        return serverParameterNames;
    }

    /**
     * Renders the SQL with every {@code ?} replaced by the literal of the matching argument and {@code ?fields}
     * by {@code fields} (may be {@code null} when there is no such placeholder).
     *
     * @throws IllegalArgumentException when the argument count does not match, the template has named parameters,
     *     {@code fields} is missing, or a value has no literal form; the message names the placeholder position and
     *     the value's type
     */
    public String render(@Nullable List<?> args, @Nullable String fields) {
        if (!namedParameterNames.isEmpty()) {
            throw new IllegalArgumentException("SQL has named parameters " + names()
                    + "; bind them by name with renderNamed");
        }
        int given = args == null ? 0 : args.size();
        if (given != positionalCount) {
            throw new IllegalArgumentException("SQL has " + positionalCount + " ? placeholder(s) but " + given
                    + " value(s) were given");
        }
        return render(args, null, fields);
    }

    /**
     * Renders the SQL with every {@code :name} replaced by the literal of {@code named.get(name)} (a present key
     * mapped to {@code null} binds {@code NULL}; keys the SQL does not use are ignored) and {@code ?fields} by
     * {@code fields}.
     *
     * @throws IllegalArgumentException when the template has {@code ?} placeholders, a name has no entry,
     *     {@code fields} is missing, or a value has no literal form
     */
    public String renderNamed(@Nullable Map<String, ?> named, @Nullable String fields) {
        checkNamed(named);
        return render(null, named, fields);
    }

    /**
     * This template with every {@code :name} replaced by the literal of {@code named.get(name)}, as
     * {@link #renderNamed} writes it, and {@code ?fields} left in place: what a caller hands on when the row type (and
     * so the field list) is only known later. The text is not lexed again. The result's {@link #sql()} is the text
     * with the values in it.
     *
     * @throws IllegalArgumentException when the template has {@code ?} placeholders, a name has no entry, or a value
     *     has no literal form
     */
    public SqlTemplate bindNamed(@Nullable Map<String, ?> named) {
        checkNamed(named);
        if (namedParameterNames.isEmpty()) {
            return this;
        }
        List<String> keptTexts = new ArrayList<>();
        List<Placeholder> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder(textLength + placeholders.length * 16).append(texts[0]);
        for (int i = 0; i < placeholders.length; i++) {
            Placeholder p = placeholders[i];
            if (p.kind() == Placeholder.Kind.NAMED) {
                appendValue(text, named.get(p.name()), p);
            } else {
                keptTexts.add(text.toString());
                kept.add(p);
                text.setLength(0);
            }
            text.append(texts[i + 1]);
        }
        keptTexts.add(text.toString());
        return new SqlTemplate(String.join(FIELDS, keptTexts), keptTexts.toArray(new String[0]),
                kept.toArray(new Placeholder[0]), serverParameterNames);
    }

    private void checkNamed(@Nullable Map<String, ?> named) {
        if (positionalCount > 0) {
            throw new IllegalArgumentException("SQL has " + positionalCount
                    + " ? placeholder(s); bind them by position with render");
        }
        List<String> missing = new ArrayList<>();
        for (String name : namedParameterNames) {
            if (named == null || !named.containsKey(name)) {
                missing.add(":" + name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No value for named parameter(s) " + missing + " of " + names());
        }
    }

    private String render(@Nullable List<?> args, @Nullable Map<String, ?> named, @Nullable String fields) {
        if (hasFields && fields == null) {
            throw new IllegalArgumentException("SQL has ?fields but no field list was given");
        }
        StringBuilder out = new StringBuilder(textLength + placeholders.length * 16
                + (hasFields ? fields.length() : 0));
        int position = 0;
        for (int i = 0; i < placeholders.length; i++) {
            out.append(texts[i]);
            Placeholder p = placeholders[i];
            switch (p.kind()) {
                case FIELDS -> out.append(fields);
                case POSITIONAL -> appendValue(out, args.get(position++), p, position);
                case NAMED -> appendValue(out, named.get(p.name()), p);
            }
        }
        return out.append(texts[placeholders.length]).toString();
    }

    private static void appendValue(StringBuilder out, @Nullable Object value, Placeholder p) {
        appendValue(out, value, p, 0);
    }

    /** {@code index}: the 1-based number of a {@code ?}, for the message; unused for {@code :name}. */
    private static void appendValue(StringBuilder out, @Nullable Object value, Placeholder p, int index) {
        int start = out.length();
        try {
            SqlLiterals.appendLiteral(out, value);
        } catch (IllegalArgumentException e) {
            String placeholder = p.kind() == Placeholder.Kind.NAMED ? ":" + p.name() : "?" + index;
            throw new IllegalArgumentException("Cannot bind " + placeholder + " ("
                    + value.getClass().getName() + "): " + e.getMessage(), e);
        }
        if (p.position() != Placeholder.Position.VALUE && isList(value)) {
            asInList(out, start, p.position() == Placeholder.Position.IN_PARENTHESES);
        }
        // "x -?" with -1 must not become "x --1", which would comment out the rest of the statement.
        if (start > 0 && out.length() > start && out.charAt(start) == '-' && out.charAt(start - 1) == '-') {
            out.insert(start, ' ');
        }
    }

    private static boolean isList(@Nullable Object value) {
        return value instanceof Collection<?>
                || value != null && value.getClass().isArray() && !(value instanceof byte[]) && !(value instanceof char[]);
    }

    /**
     * Rewrites the array literal {@code [a, b]} written from {@code start} into an IN-list: {@code (a, b)} after
     * {@code IN}, {@code a, b} inside {@code IN (...)}. ClickHouse 18.16 refuses an array on the right of {@code IN};
     * the tuple form works on every version. {@code IN ()} is a syntax error, so an empty collection becomes
     * {@code (NULL)}, a set that matches no row.
     */
    private static void asInList(StringBuilder out, int start, boolean inParentheses) {
        int last = out.length() - 1;
        if (last == start + 1) {
            out.replace(start, last + 1, inParentheses ? "NULL" : "(NULL)");
        } else if (inParentheses) {
            out.setLength(last);
            out.deleteCharAt(start);
        } else {
            out.setCharAt(start, '(');
            out.setCharAt(last, ')');
        }
    }

    private List<String> names() {
        return namedParameterNames.stream().map(n -> ":" + n).toList();
    }

    @Override
    public String toString() {
        return sql;
    }
}
