package io.chspring.client.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import java.lang.reflect.ParameterizedType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTypeTests {

    record Event(long userId, @Column("ts") Instant timestamp, List<String> tags, @ReadOnly String computedDay,
            @Ignore String note) {
    }

    static class Base {
        private long id;
    }

    static class Visit extends Base {
        static int counter;
        private transient String cache;
        private String pageURL;
        private int httpStatus;
        @Ignore
        private Object helper;
        @ReadOnly
        private final String server = "x";

        private Visit() {
        }
    }

    static final class Point {
        private final double x;
        private final double y;
        private String label;

        @RowConstructor
        Point(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    @Test
    void recordComponentsInDeclarationOrderWithAnnotations() {
        RowType<Event> type = RowType.of(Event.class);
        assertThat(type.properties()).extracting(RowProperty::column)
                .containsExactly("user_id", "ts", "tags", "computed_day");
        assertThat(type.properties()).extracting(RowProperty::constructorParameter).containsExactly(0, 1, 2, 3);
        assertThat(type.property("user_id").javaClass()).isEqualTo(long.class);
        assertThat(type.property("user_id").accessor()).isInstanceOf(java.util.function.ToLongFunction.class);
        assertThat(type.property("ts").accessor()).isInstanceOf(java.util.function.Function.class);
        assertThat(type.property("tags").genericType()).isInstanceOf(ParameterizedType.class)
                .hasToString("java.util.List<java.lang.String>");
        assertThat(type.insertColumns()).containsExactly("user_id", "ts", "tags");
        assertThat(type.readColumns()).containsExactly("user_id", "ts", "tags", "computed_day");
        assertThat(type.selectList()).isEqualTo("`user_id`, `ts`, `tags`, `computed_day`");
    }

    @Test
    void rowTypeIsBuiltOncePerClassAndStrategy() {
        assertThat(RowType.of(Event.class)).isSameAs(RowType.of(Event.class));
        assertThat(RowType.of(Event.class, NamingStrategy.AS_IS)).isNotSameAs(RowType.of(Event.class))
                .isSameAs(RowType.of(Event.class, NamingStrategy.AS_IS));
        assertThat(RowType.of(Event.class, NamingStrategy.AS_IS).readColumns())
                .containsExactly("userId", "ts", "tags", "computedDay");
    }

    @Test
    void pojoFieldsSuperclassFirstSkippingStaticTransientAndIgnored() {
        RowType<Visit> type = RowType.of(Visit.class);
        assertThat(type.properties()).extracting(RowProperty::column)
                .containsExactly("id", "page_url", "http_status", "server");
        assertThat(type.property("page_url").setter()).isNotNull();
        assertThat(type.property("server").readable()).isFalse();
        assertThat(type.property("server").insertable()).isFalse();
        assertThat(type.insertColumns()).containsExactly("id", "page_url", "http_status");
        assertThat(type.selectList()).isEqualTo("`id`, `page_url`, `http_status`");
    }

    @Test
    void annotatedConstructorParametersMatchFieldsByName() {
        RowType<Point> type = RowType.of(Point.class);
        assertThat(type.properties()).extracting(RowProperty::constructorParameter).containsExactly(0, 1, -1);
        assertThat(type.property("label").setter()).isNotNull();
    }

    @Test
    void snakeCase() {
        assertThat(NamingStrategy.SNAKE_CASE.columnName("userId")).isEqualTo("user_id");
        assertThat(NamingStrategy.SNAKE_CASE.columnName("HTTPStatus")).isEqualTo("http_status");
        assertThat(NamingStrategy.SNAKE_CASE.columnName("pageURL")).isEqualTo("page_url");
        assertThat(NamingStrategy.SNAKE_CASE.columnName("utf8Name")).isEqualTo("utf8_name");
        assertThat(NamingStrategy.SNAKE_CASE.columnName("id")).isEqualTo("id");
        assertThat(NamingStrategy.SNAKE_CASE.columnName("already_snake")).isEqualTo("already_snake");
    }

    abstract static class Abstract {
    }

    static final class NoUsableConstructor {
        private final int a;

        NoUsableConstructor(int a, int b) {
            this.a = a + b;
        }
    }

    static final class TwoColumnsOneName {
        @Column("x")
        private int a;
        @Column("x")
        private int b;
    }

    class Inner {
        private int a;
    }

    @Test
    void unmappableClassesFailNamingTheClass() {
        assertThatThrownBy(() -> RowType.of(Abstract.class)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("Abstract");
        assertThatThrownBy(() -> RowType.of(NoUsableConstructor.class))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("no-arg constructor");
        assertThatThrownBy(() -> RowType.of(TwoColumnsOneName.class))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("column 'x'");
        assertThatThrownBy(() -> RowType.of(Inner.class)).isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("make it static");
    }
}
