package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationPlanTests {

    private static final Placeholders NONE = new Placeholders(Map.of());

    private static List<MigrationScript> scripts(String... nameAndContent) {
        List<MigrationResource> resources = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            resources.add(new MigrationResource(nameAndContent[i], "loc", nameAndContent[i + 1]));
        }
        return ScriptParser.parse(resources, NONE);
    }

    private static AppliedMigration row(long rank, MigrationScript script, int applied, boolean success, String error) {
        return new AppliedMigration(rank, script.version() == null ? "" : script.version().toString(),
                script.description(), script.type(), script.filename(), script.checksum(),
                script.statements().size(), applied, script.prefixChecksum(applied), "me", Instant.EPOCH, 1, success,
                error);
    }

    @Test
    void pendingScriptsStartAtTheirFirstStatementAndAppliedOnesAreSkipped() {
        List<MigrationScript> s = scripts("V1__a.sql", "SELECT 1", "V2__b.sql", "SELECT 2");
        MigrationPlan plan = MigrationPlan.of(s, List.of(row(1, s.get(0), 1, true, "")), null, true, false);
        assertThat(plan.steps()).extracting(step -> step.script().filename() + "@" + step.from())
                .containsExactly("V2__b.sql@1");
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void anInterruptedScriptResumesAfterItsLastRecordedStatement() {
        List<MigrationScript> s = scripts("V1__a.sql", "SELECT 1; SELECT 2; SELECT 3");
        MigrationPlan plan = MigrationPlan.of(s, List.of(row(1, s.get(0), 2, false, "")), null, true, false);
        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.from()).isEqualTo(3));
    }

    @Test
    void aNewScriptBelowTheHighestAppliedVersionIsAProblem() {
        List<MigrationScript> s = scripts("V1__a.sql", "SELECT 1", "V1_5__late.sql", "SELECT 1", "V2__b.sql",
                "SELECT 2");
        MigrationPlan plan = MigrationPlan.of(s, List.of(row(1, s.get(0), 1, true, ""), row(2, s.get(2), 1, true, "")),
                null, true, false);
        assertThat(plan.problems()).singleElement().asString()
                .startsWith("V1_5__late.sql (loc): version 1.5 is below the applied version 2");
    }

    @Test
    void aChangedRepeatableRunsAgainWholeAndAnUnchangedOneDoesNot() {
        List<MigrationScript> before = scripts("R__v.sql", "SELECT 1; SELECT 2");
        List<MigrationScript> after = scripts("R__v.sql", "SELECT 1; SELECT 3");
        List<AppliedMigration> history = List.of(row(1, before.get(0), 2, true, ""));
        assertThat(MigrationPlan.of(before, history, null, true, false).nothingToDo()).isTrue();
        assertThat(MigrationPlan.of(after, history, null, true, false).steps()).singleElement()
                .satisfies(step -> assertThat(step.from()).isEqualTo(1));
    }

    @Test
    void theLatestRowOfAScriptIsItsState() {
        List<MigrationScript> s = scripts("V1__a.sql", "SELECT 1; SELECT 2");
        List<AppliedMigration> history = List.of(row(2, s.get(0), 2, true, ""), row(1, s.get(0), 1, false, ""));
        assertThat(MigrationPlan.of(s, history, null, true, false).nothingToDo()).isTrue();
    }

    @Test
    void aBaselineIsWrittenOnlyIntoAnEmptyHistory() {
        List<MigrationScript> s = scripts("V1__a.sql", "SELECT 1", "V2__b.sql", "SELECT 2");
        MigrationPlan fresh = MigrationPlan.of(s, List.of(), MigrationVersion.parse("1"), true, false);
        assertThat(fresh.writeBaseline()).isTrue();
        assertThat(fresh.steps()).extracting(step -> step.script().filename()).containsExactly("V2__b.sql");
        MigrationPlan later = MigrationPlan.of(s, List.of(row(1, s.get(0), 1, true, "")), MigrationVersion.parse("2"),
                true, false);
        assertThat(later.writeBaseline()).isFalse();
        assertThat(later.steps()).extracting(step -> step.script().filename()).containsExactly("V2__b.sql");
    }
}
