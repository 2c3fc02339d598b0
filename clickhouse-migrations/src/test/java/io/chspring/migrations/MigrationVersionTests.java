package io.chspring.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationVersionTests {

    @Test
    void comparesPartByPartAsNumbers() {
        List<String> sorted = Stream.of("10", "2.10", "2_9", "2", "1.0.1", "1")
                .map(MigrationVersion::parse).sorted().map(MigrationVersion::toString).toList();
        assertThat(sorted).containsExactly("1", "1.0.1", "2", "2.9", "2.10", "10");
    }

    @Test
    void trailingZerosAndUnderscoresDoNotMakeANewVersion() {
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"))
                .hasSameHashCodeAs(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("2_1")).isEqualTo(MigrationVersion.parse("2.1"));
        assertThat(MigrationVersion.parse("007")).hasToString("7");
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String bad : List.of("", "a", "1.", ".1", "1..2", "1-2", "v1")) {
            assertThatThrownBy(() -> MigrationVersion.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
