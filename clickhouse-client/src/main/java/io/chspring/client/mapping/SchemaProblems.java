package io.chspring.client.mapping;

import io.chspring.client.ClickHouseSchemaException;
import java.util.ArrayList;
import java.util.List;

/** Collects every mismatch between a row type and a schema, then fails once listing all of them. */
final class SchemaProblems {

    private final String subject;
    private final List<String> problems = new ArrayList<>();

    SchemaProblems(String subject) {
        this.subject = subject;
    }

    void add(String problem) {
        problems.add(problem);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(subject).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        throw new ClickHouseSchemaException(sb.toString());
    }
}
