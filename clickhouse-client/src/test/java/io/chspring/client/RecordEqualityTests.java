package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.type.ClickHouseColumn;
import io.chspring.client.type.ClickHouseType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records whose equals and hashCode are written out (to spare a cold start the ObjectMethods bootstrap) still
 * compare every component, so that a component added later without updating them fails here: two instances equal in
 * all components but one must differ, and equal ones must hash alike.
 */
class RecordEqualityTests {

    /** Two different values per component type; the first of each pair builds the base instance. */
    private static final Map<Class<?>, List<Object>> VALUES = Map.of(
            boolean.class, List.of(false, true),
            String.class, List.of("a", "b"),
            ZoneId.class, List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin")),
            TimeZoneRule.class, List.of(TimeZoneRule.UTC, TimeZoneRule.SERVER),
            ClickHouseType.class, List.of(ClickHouseType.parse("UInt8"), ClickHouseType.parse("Nullable(String)")),
            CodecOptions.class, List.of(CodecOptions.DEFAULT, CodecOptions.DEFAULT.withJsonAsString(true)));

    @ParameterizedTest
    @ValueSource(classes = {CodecOptions.class, MappingOptions.class, ClickHouseColumn.class})
    void everyComponentTakesPartInEqualsAndHashCode(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        Object[] base = Arrays.stream(types).map(t -> VALUES.get(t).get(0)).toArray();
        Object first = canonical.newInstance(base);
        Object same = canonical.newInstance(base.clone());
        assertThat(first).isEqualTo(same).isNotSameAs(same).hasSameHashCodeAs(same).isNotEqualTo(null)
                .isNotEqualTo("a");
        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = VALUES.get(types[i]).get(1);
            Object other = canonical.newInstance(changed);
            assertThat(other).as(type.getSimpleName() + " differing in " + components[i].getName())
                    .isNotEqualTo(first);
            assertThat(first).isNotEqualTo(other);
        }
    }
}
