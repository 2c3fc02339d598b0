package io.chspring.migrations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders and their values. They are replaced in each statement after the script was split, so
 * a value may hold semicolons or quotes; a placeholder without a value is a problem found before anything runs.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");

    private final Map<String, String> values;

    Placeholders(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    String names() {
        return String.join(", ", values.keySet());
    }

    Set<String> missing(String sql) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }

    String replace(String sql) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("placeholders without a value: " + missing);
        }
        m.appendTail(out);
        return out.toString();
    }
}
