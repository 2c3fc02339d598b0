package io.chspring.test.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.mapping.TableColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock's reading of the statements the client sends and of the column definitions tests register. */
class StatementsTests {

    @Test
    void recognisesWhatTheClientAsksOnItsOwn() {
        assertThat(Statements.isVersionQuery("SELECT version()")).isTrue();
        assertThat(Statements.isVersionQuery(" select VERSION ( ) ;\n")).isTrue();
        assertThat(Statements.isVersionQuery("SELECT version() FROM system.one")).isFalse();
        assertThat(Statements.isVersionQuery("SELECT version(), timezone()")).isTrue();
        assertThat(Statements.asksTimeZone("SELECT version(), timezone()")).isTrue();
        assertThat(Statements.asksTimeZone("SELECT version()")).isFalse();
        assertThat(Statements.isTimeZoneQuery("select timezone();")).isTrue();
        assertThat(Statements.describedTable("DESCRIBE TABLE `db`.`ev\\`ents`")).containsExactly("db", "ev`ents");
        assertThat(Statements.describedTable("desc events;")).containsExactly("events");
        assertThat(Statements.describedTable("DESCRIBE (SELECT 1\n)")).isNull();
        assertThat(Statements.isDescribeQuery("DESCRIBE (SELECT 1\n)")).isTrue();
    }

    @Test
    void readsTheTableColumnsAndFormatOfAnInsert() {
        Statements.Insert insert = Statements.insert("INSERT INTO `db`.`t` (`a`, `b\\\\c`, \"d\") FORMAT RowBinary");
        assertThat(insert.table()).containsExactly("db", "t");
        assertThat(insert.columns()).containsExactly("a", "b\\c", "d");
        assertThat(insert.format()).isEqualTo("RowBinary");
        assertThat(Statements.insert("INSERT INTO t FORMAT TabSeparated").columns()).isEmpty();
        assertThat(Statements.insert("INSERT INTO t VALUES (1)")).isNull();
    }

    @Test
    void readsColumnDefinitions() {
        assertThat(ColumnDefinition.parse("t", "kind Enum8('DEFAULT' = 1, 'x y' = 2)").defaultKind())
                .isEqualTo(TableColumn.DefaultKind.NONE);
        TableColumn note = ColumnDefinition.parse("t", "note Nullable(String) DEFAULT 'a b'");
        assertThat(note.type().toString()).isEqualTo("Nullable(String)");
        assertThat(note.defaultKind()).isEqualTo(TableColumn.DefaultKind.DEFAULT);
        assertThat(List.of(ColumnDefinition.parse("t", "m UInt8 MATERIALIZED 1").defaultKind()))
                .containsExactly(TableColumn.DefaultKind.MATERIALIZED);
    }
}
