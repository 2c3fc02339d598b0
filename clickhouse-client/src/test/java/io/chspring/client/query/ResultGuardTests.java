package io.chspring.client.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.request.ResultShapes;
import io.chspring.client.type.ClickHouseColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check a repeated typed read on 18.16 sends instead of DESCRIBE; the server side is ResultShapeCacheIntegrationTests. */
class ResultGuardTests {

    private static ResultShapes.Shape shape(String... nameAndType) {
        List<ClickHouseColumn> columns = new java.util.ArrayList<>();
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            columns.add(ClickHouseColumn.of(nameAndType[i], nameAndType[i + 1]));
            types.add(nameAndType[i + 1]);
        }
        return new ResultShapes.Shape(columns, types);
    }

    @Test
    void wrapsTheQueryInASelectOfTheCachedNamesCheckedByType() {
        String sql = ResultGuard.wrap("SELECT a, count() FROM t GROUP BY a -- note",
                shape("a", "Enum8('it\\'s' = 1)", "count()", "UInt64"));

        assertThat(sql).isEqualTo("SELECT `a`, `count()` FROM (\nSELECT a, count() FROM t GROUP BY a -- note\n) "
                + "WHERE NOT throwIf(toTypeName(tuple(*)) != 'Tuple(Enum8(\\'it\\\\\\'s\\' = 1), UInt64)' "
                + "OR toTypeName(tuple(`a`, `count()`)) != 'Tuple(Enum8(\\'it\\\\\\'s\\' = 1), UInt64)')");
    }

    @Test
    void onlyDistinctNamedColumnsWithTheServersTypeTextsCanBeChecked() {
        assertThat(ResultGuard.guardable(shape("a", "UInt8", "b", "String"))).isTrue();
        assertThat(ResultGuard.guardable(shape("a", "UInt8", "a", "String"))).isFalse();
        assertThat(ResultGuard.guardable(shape())).isFalse();
        assertThat(ResultGuard.guardable(new ResultShapes.Shape(List.of(ClickHouseColumn.of("a", "UInt8")), null)))
                .isFalse();
    }

    @Test
    void onlyErrorsAChangedResultCanCauseMeanItChanged() {
        assertThat(ResultGuard.shapeChanged(server(395))).isTrue();
        assertThat(ResultGuard.shapeChanged(server(47))).isTrue();
        assertThat(ResultGuard.shapeChanged(server(62))).isFalse();
        assertThat(ResultGuard.shapeChanged(server(159))).isFalse();
        assertThat(ResultGuard.shapeChanged(new ClickHouseTransportException("reset", null, 0, "q", true))).isFalse();
    }

    private static ClickHouseServerException server(int code) {
        return new ClickHouseServerException("boom", code, null, 500, "q", false);
    }
}
