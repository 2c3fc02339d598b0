package io.chspring.client.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SQL text parsed once for client-side placeholders: {@code ?} (one bound value each), {@code :name} (a value
 * bound by name; the same name may appear several times) and {@code ?fields} (the mapped column list of a row
 * type). A template uses {@code ?} or {@code :name}, never both. Placeholders inside string literals, quoted
 * identifiers and comments are left alone, as are {@code ::} casts and server-side {@code {name:Type}} parameters,
 * whose names {@link #serverParameterNames()} lists. Immutable and thread-safe: parse once, render many times.
 *
 * <p>A {@code ?} is always a placeholder outside quotes and comments: write the ternary operator
 * {@code c ? a : b} as {@code if(c, a, b)}.
 */
public final class SqlTemplate {

    private final String sql;
    private final String[] texts;
    private final Placeholder[] placeholders;
    private final int positionalCount;
    private final boolean hasFields;
    private final List<String> namedParameterNames;
    private final Set<String> serverParameterNames;
    private final int textLength;

    private SqlTemplate(String sql, SqlLexer.Result lexed) {
        this.sql = sql;
        this.texts = lexed.texts().toArray(new String[0]);
        this.placeholders = lexed.placeholders().toArray(new Placeholder[0]);
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
        this.serverParameterNames = Collections.unmodifiableSet(new LinkedHashSet<>(lexed.serverParameters()));
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
        return new SqlTemplate(sql, SqlLexer.lex(sql));
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
    public String render(List<?> args, String fields) {
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
    public String renderNamed(Map<String, ?> named, String fields) {
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
        return render(null, named, fields);
    }

    private String render(List<?> args, Map<String, ?> named, String fields) {
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
                case POSITIONAL -> appendValue(out, args.get(position), "?" + ++position);
                case NAMED -> appendValue(out, named.get(p.name()), ":" + p.name());
            }
        }
        return out.append(texts[placeholders.length]).toString();
    }

    private static void appendValue(StringBuilder out, Object value, String placeholder) {
        int start = out.length();
        try {
            SqlLiterals.appendLiteral(out, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot bind " + placeholder + " ("
                    + value.getClass().getName() + "): " + e.getMessage(), e);
        }
        // "x -?" with -1 must not become "x --1", which would comment out the rest of the statement.
        if (start > 0 && out.length() > start && out.charAt(start) == '-' && out.charAt(start - 1) == '-') {
            out.insert(start, ' ');
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
