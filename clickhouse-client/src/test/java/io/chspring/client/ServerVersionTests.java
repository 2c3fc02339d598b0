package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerVersionTests {

    @Test
    void parsesThreePartVersionOf18() {
        ServerVersion v = ServerVersion.parse("18.16.1");
        assertThat(v.major()).isEqualTo(18);
        assertThat(v.minor()).isEqualTo(16);
        assertThat(v.patch()).isEqualTo(1);
        assertThat(v.build()).isZero();
        assertThat(v.suffix()).isEmpty();
        assertThat(v).hasToString("18.16.1");
    }

    @Test
    void parsesFourPartVersion() {
        ServerVersion v = ServerVersion.parse("24.3.2.23");
        assertThat(v.major()).isEqualTo(24);
        assertThat(v.minor()).isEqualTo(3);
        assertThat(v.patch()).isEqualTo(2);
        assertThat(v.build()).isEqualTo(23);
    }

    @Test
    void parsesSuffixes() {
        assertThat(ServerVersion.parse("26.5.1.1-testing").suffix()).isEqualTo("testing");
        assertThat(ServerVersion.parse("21.8.15.7.altinitystable").suffix()).isEqualTo("altinitystable");
        assertThat(ServerVersion.parse("23.8.1.2992-lts\n").suffix()).isEqualTo("lts");
        assertThat(ServerVersion.parse("26.5.1.1-testing").build()).isEqualTo(1);
    }

    @Test
    void comparesNumericallyNotLexically() {
        List<ServerVersion> versions = new ArrayList<>(List.of(ServerVersion.parse("24.10.1.1"),
                ServerVersion.parse("24.3.2.23"), ServerVersion.parse("18.16.1"), ServerVersion.parse("24.3.2.3"),
                ServerVersion.parse("9.1")));
        Collections.sort(versions);
        assertThat(versions).extracting(ServerVersion::toString)
                .containsExactly("9.1", "18.16.1", "24.3.2.3", "24.3.2.23", "24.10.1.1");
    }

    @Test
    void missingPartsCountAsZeroAndSuffixBreaksTies() {
        assertThat(ServerVersion.parse("24.3")).isEqualTo(ServerVersion.parse("24.3.0.0"));
        assertThat(ServerVersion.parse("24.3").hashCode()).isEqualTo(ServerVersion.parse("24.3.0.0").hashCode());
        assertThat(ServerVersion.parse("26.5.1.1-testing")).isNotEqualTo(ServerVersion.parse("26.5.1.1"));
        assertThat(ServerVersion.parse("26.5.1.1-testing")).isGreaterThan(ServerVersion.parse("26.5.1.1"));
        assertThat(ServerVersion.of(19, 11)).isEqualTo(ServerVersion.parse("19.11"));
    }

    @Test
    void isAtLeastComparesMajorThenMinor() {
        ServerVersion v = ServerVersion.parse("19.11.3.11");
        assertThat(v.isAtLeast(19, 11)).isTrue();
        assertThat(v.isAtLeast(19, 12)).isFalse();
        assertThat(v.isAtLeast(18, 99)).isTrue();
        assertThat(v.isAtLeast(20, 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "abc", "v24.3", "24.x", "24.3beta", "1234567890.1"})
    void rejectsWhatIsNotAVersionQuotingIt(String text) {
        assertThatThrownBy(() -> ServerVersion.parse(text))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("'" + text.strip() + "'");
    }

    @Test
    void capabilitiesFollowTheChangelogVersions() {
        ServerCapabilities old = ServerCapabilities.of(ServerVersion.parse("18.16.1"));
        assertThat(old.supportsQueryParameters()).isFalse();
        assertThat(old.supportsRowBinaryWithNamesAndTypes()).isFalse();
        assertThat(old.responseCompressionUsable()).isFalse();
        assertThat(old.supportsLightweightDelete()).isFalse();
        assertThat(old.supportsAsyncInsert()).isFalse();
        assertThat(old.supportsInsertDeduplicationToken()).isFalse();

        assertThat(ServerCapabilities.of(ServerVersion.parse("19.3.3")).supportsRowBinaryWithNamesAndTypes()).isTrue();
        assertThat(ServerCapabilities.of(ServerVersion.parse("19.10.1.5")).supportsQueryParameters()).isFalse();
        assertThat(ServerCapabilities.of(ServerVersion.parse("19.11.3.11")).supportsQueryParameters()).isTrue();
        assertThat(ServerCapabilities.of(ServerVersion.parse("19.1.6")).responseCompressionUsable()).isTrue();
        assertThat(ServerCapabilities.of(ServerVersion.parse("21.10.1")).supportsAsyncInsert()).isFalse();
        assertThat(ServerCapabilities.of(ServerVersion.parse("21.11.2")).supportsAsyncInsert()).isTrue();
        assertThat(ServerCapabilities.of(ServerVersion.parse("22.1.3")).supportsInsertDeduplicationToken()).isFalse();
        assertThat(ServerCapabilities.of(ServerVersion.parse("22.2.2.1")).supportsInsertDeduplicationToken()).isTrue();
        assertThat(ServerCapabilities.of(ServerVersion.parse("22.7.1")).supportsLightweightDelete()).isFalse();
        assertThat(ServerCapabilities.of(ServerVersion.parse("22.8.1")).supportsLightweightDelete()).isTrue();

        ServerCapabilities modern = ServerCapabilities.of(ServerVersion.parse("26.5.1.1-testing"));
        assertThat(modern.supportsQueryParameters()).isTrue();
        assertThat(modern.responseCompressionUsable()).isTrue();
        assertThat(modern.supportsLightweightDelete()).isTrue();
    }
}
