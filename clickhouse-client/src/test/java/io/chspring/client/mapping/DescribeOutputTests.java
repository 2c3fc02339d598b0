package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeOutputTests {

    /** Verbatim answer of an 18.16.1 server to DESCRIBE TABLE t FORMAT TabSeparated (5 fields per line). */
    private static final String DESCRIBE_18_16 = "a\tUInt8\t\t\t\n"
            + "e\tEnum8(\\'x\\\\\\'y\\' = 1)\t\t\t\n"
            + "m\tUInt8\tMATERIALIZED\tCAST(a + 1, \\'UInt8\\')\t\n";

    @Test
    void parsesEscapedTypesAndDefaultKinds() {
        List<TableColumn> columns = TableColumn.parseDescribe(DESCRIBE_18_16);
        assertThat(columns).extracting(TableColumn::name).containsExactly("a", "e", "m");
        assertThat(columns.get(1).type().names()).containsExactly("x'y");
        assertThat(columns).extracting(TableColumn::defaultKind).containsExactly(TableColumn.DefaultKind.NONE,
                TableColumn.DefaultKind.NONE, TableColumn.DefaultKind.MATERIALIZED);
        assertThat(columns.get(2).defaultKind().insertable()).isFalse();
    }
}
