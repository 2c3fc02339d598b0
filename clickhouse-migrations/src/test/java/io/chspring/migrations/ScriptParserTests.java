package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptParserTests {

    private static final Placeholders NONE = new Placeholders(Map.of("database", "db"));

    private static MigrationResource file(String name, String content) {
        return new MigrationResource(name, "classpath:db/clickhouse", content);
    }

    @Test
    void versionedInVersionOrderThenRepeatablesByDescription() {
        List<MigrationScript> scripts = ScriptParser.parse(List.of(file("R__b_view.sql", "SELECT 1"),
                file("V10__ten.sql", "SELECT 1"), file("R__a_view.sql", "SELECT 1"), file("V2_1__two_one.sql",
                        "SELECT 1"), file("V2__two.sql", "SELECT 1; SELECT 2")), NONE);
        assertThat(scripts).extracting(MigrationScript::filename).containsExactly("V2__two.sql", "V2_1__two_one.sql",
                "V10__ten.sql", "R__a_view.sql", "R__b_view.sql");
        assertThat(scripts.get(1).description()).isEqualTo("two one");
        assertThat(scripts.get(1).version()).hasToString("2.1");
        assertThat(scripts.get(0).statements()).hasSize(2);
        assertThat(scripts.get(3).type()).isEqualTo(MigrationType.REPEATABLE);
    }

    @Test
    void checksumIgnoresLineEndingsAndAByteOrderMark() {
        assertThat(MigrationScript.checksum("SELECT 1;\r\nSELECT 2\r\n"))
                .isEqualTo(MigrationScript.checksum("\uFEFFSELECT 1;\nSELECT 2\n"))
                .isNotEqualTo(MigrationScript.checksum("SELECT 1;\nSELECT 3\n"));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsFile() {
        assertThatThrownBy(() -> ScriptParser.parse(List.of(file("V1__ok.sql", "SELECT 1"),
                file("v2__lower.sql", "SELECT 1"), file("V3__.sql", "SELECT 1"), file("Vx__bad.sql", "SELECT 1"),
                file("R__same.sql", "SELECT 1"), new MigrationResource("R__same.sql", "filesystem:/x", "SELECT 2"),
                file("V1_0__again.sql", "SELECT 1"), file("V4__ph.sql", "SELECT ${database}, ${nope}")), NONE))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("v2__lower.sql (classpath:db/clickhouse): the name does not follow")
                .hasMessageContaining("V3__.sql (classpath:db/clickhouse): the name does not follow")
                .hasMessageContaining("Vx__bad.sql (classpath:db/clickhouse): a version is digits")
                .hasMessageContaining("R__same.sql (filesystem:/x): repeatable script 'same' is also R__same.sql"
                        + " (classpath:db/clickhouse)")
                .hasMessageContaining("V1_0__again.sql (classpath:db/clickhouse): version 1 is also V1__ok.sql")
                .hasMessageContaining("V4__ph.sql (classpath:db/clickhouse) line 1: placeholder ${nope} has no value"
                        + " (known: database)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("${database} has"));
    }

    @Test
    void placeholderValuesMayHoldWhatWouldSplitAScript() {
        Placeholders values = new Placeholders(Map.of("v", "a'; DROP"));
        assertThat(values.replace("SELECT '${v}', ${v}")).isEqualTo("SELECT 'a'; DROP', a'; DROP");
        assertThat(values.missing("SELECT ${v} ${w} ${w}")).containsExactly("w");
    }
}
