package io.chspring.client.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.type.ClickHouseColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultShapesTests {

    private static final ResultShapes.Shape ONE = new ResultShapes.Shape(List.of(ClickHouseColumn.of("a", "UInt8")),
            List.of("UInt8"));
    private static final ResultShapes.Shape OTHER = new ResultShapes.Shape(List.of(ClickHouseColumn.of("a", "UInt16")),
            List.of("UInt16"));

    @Test
    void removingAnOutdatedShapeKeepsTheOneAnotherThreadStoredSince() {
        ResultShapes shapes = new ResultShapes();
        shapes.put("k", OTHER);
        shapes.remove("k", ONE);
        assertThat(shapes.get("k")).isSameAs(OTHER);
        shapes.remove("k", OTHER);
        assertThat(shapes.get("k")).isNull();
    }

    @Test
    void staysBoundedWhenEveryQueryTextIsNew() {
        ResultShapes shapes = new ResultShapes();
        for (int i = 0; i < 3 * ResultShapes.MAX_ENTRIES; i++) {
            shapes.put("q" + i, ONE);
            assertThat(shapes.size()).isLessThanOrEqualTo(ResultShapes.MAX_ENTRIES);
        }
        assertThat(shapes.get("q" + (3 * ResultShapes.MAX_ENTRIES - 1))).isSameAs(ONE);
    }

    @Test
    void aShapeMovedToTheWrapperKeepsItsColumnsAndIsReplacedOnlyIfStillThere() {
        ResultShapes.Shape wrapperOnly = ONE.withoutHeaderCheck();
        assertThat(ONE.headerCheckable()).isTrue();
        assertThat(wrapperOnly.headerCheckable()).isFalse();
        assertThat(wrapperOnly.sameColumns(ONE)).isTrue();
        assertThat(wrapperOnly).isNotEqualTo(ONE);
        assertThat(OTHER.sameColumns(ONE)).isFalse();
        ResultShapes shapes = new ResultShapes();
        shapes.put("k", OTHER);
        shapes.replace("k", ONE, wrapperOnly);
        assertThat(shapes.get("k")).isSameAs(OTHER);
        shapes.replace("k", OTHER, OTHER.withoutHeaderCheck());
        assertThat(shapes.get("k").headerCheckable()).isFalse();
    }

    @Test
    void typeTextsMustMatchTheColumns() {
        assertThatThrownBy(() -> new ResultShapes.Shape(List.of(ClickHouseColumn.of("a", "UInt8")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
