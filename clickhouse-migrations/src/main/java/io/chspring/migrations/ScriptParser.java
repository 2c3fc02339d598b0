package io.chspring.migrations;

import io.chspring.client.sql.SqlScriptSplitter;
import io.chspring.client.sql.SqlScriptSplitter.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the resources of the locations into scripts and finds every problem that must stop a run before anything
 * runs: names outside the pattern, two scripts for one version (or one repeatable description), scripts without a
 * statement, unclosed strings or comments, placeholders without a value. All problems are reported at once, each
 * naming its file.
 */
final class ScriptParser {

    private static final Pattern VERSIONED = Pattern.compile("V([^_]+(?:_\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    private ScriptParser() {
    }

    /** The scripts, versioned ones in version order, then repeatable ones by description. */
    static List<MigrationScript> parse(List<MigrationResource> resources, Placeholders placeholders) {
        List<String> problems = new ArrayList<>();
        List<MigrationScript> scripts = new ArrayList<>();
        Map<String, MigrationResource> seen = new HashMap<>();
        for (MigrationResource resource : resources) {
            MigrationScript script = parse(resource, placeholders, problems);
            if (script == null) {
                continue;
            }
            MigrationResource other = seen.putIfAbsent(script.key(), resource);
            if (other != null) {
                problems.add(where(resource) + ": " + (script.type() == MigrationType.REPEATABLE
                        ? "repeatable script '" + script.description() + "'"
                        : "version " + script.version()) + " is also " + where(other));
                continue;
            }
            scripts.add(script);
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("Migration scripts are not valid; nothing was run:\n  - "
                    + String.join("\n  - ", problems));
        }
        scripts.sort(Comparator.comparing((MigrationScript s) -> s.type() == MigrationType.REPEATABLE)
                .thenComparing(s -> s.version() == null ? MigrationVersion.parse("0") : s.version())
                .thenComparing(MigrationScript::description));
        return scripts;
    }

    static String where(MigrationResource resource) {
        return resource.filename() + " (" + resource.location() + ")";
    }

    private static @Nullable MigrationScript parse(MigrationResource resource, Placeholders placeholders,
            List<String> problems) {
        String name = resource.filename();
        MigrationType type;
        MigrationVersion version = null;
        String description;
        Matcher versioned = VERSIONED.matcher(name);
        Matcher repeatable = REPEATABLE.matcher(name);
        if (versioned.matches()) {
            type = MigrationType.VERSIONED;
            try {
                version = MigrationVersion.parse(versioned.group(1));
            } catch (IllegalArgumentException e) {
                problems.add(where(resource) + ": " + e.getMessage());
                return null;
            }
            description = versioned.group(2);
        } else if (repeatable.matches()) {
            type = MigrationType.REPEATABLE;
            description = repeatable.group(1);
        } else {
            problems.add(where(resource)
                    + ": the name does not follow V<version>__<description>.sql or R__<description>.sql");
            return null;
        }
        description = description.replace('_', ' ').strip();
        if (description.isEmpty()) {
            problems.add(where(resource) + ": the description after '__' is empty");
            return null;
        }
        List<Statement> statements;
        try {
            statements = SqlScriptSplitter.split(resource.content());
        } catch (SqlScriptSplitter.UnterminatedException e) {
            problems.add(where(resource) + ": " + e.getMessage());
            return null;
        }
        if (statements.isEmpty()) {
            problems.add(where(resource) + ": the script is empty (no statement outside comments)");
            return null;
        }
        for (Statement statement : statements) {
            for (String missing : placeholders.missing(statement.sql())) {
                problems.add(where(resource) + " line " + statement.line() + ": placeholder ${" + missing
                        + "} has no value (known: " + placeholders.names() + ")");
            }
        }
        return new MigrationScript(type, version, description, resource, MigrationScript.checksum(resource.content()),
                List.copyOf(statements));
    }
}
