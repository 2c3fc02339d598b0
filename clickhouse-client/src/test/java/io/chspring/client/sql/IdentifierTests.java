package io.chspring.client.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdentifierTests {

    @Test
    void quotesEachPart() {
        assertThat(Identifier.of("db", "events").toSql()).isEqualTo("`db`.`events`");
        assertThat(Identifier.of("a.b").toSql()).isEqualTo("`a.b`");
    }

    @Test
    void escapesBackQuotesBackslashesAndControls() {
        assertThat(Identifier.of("a`b").toSql()).isEqualTo("`a\\`b`");
        assertThat(Identifier.of("a\\").toSql()).isEqualTo("`a\\\\`");
        assertThat(Identifier.of("x` UInt8, y").toSql()).isEqualTo("`x\\` UInt8, y`");
        assertThat(Identifier.of("n\nl'\"").toSql()).isEqualTo("`n\\nl'\"`");
    }

    @Test
    void rejectsEmptyNullAndNul() {
        assertThatIllegalArgumentException().isThrownBy(Identifier::of).withMessageContaining("at least one part");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("db", ""))
                .withMessage("Identifier part 2 of 2 is empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of((String) null))
                .withMessage("Identifier part 1 of 1 is null");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("a\0b"))
                .withMessage("Identifier part 1 contains a NUL character");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.of("a\ud800"))
                .withMessageContaining("unpaired UTF-16 surrogate");
    }

    @Test
    void bindsAsIdentifierNotString() {
        assertThat(SqlTemplate.parse("SELECT count() FROM ?").render(java.util.List.of(Identifier.of("d", "t")), null))
                .isEqualTo("SELECT count() FROM `d`.`t`");
    }

    @Test
    void equalityFollowsParts() {
        assertThat(Identifier.of("a", "b")).isEqualTo(Identifier.of("a", "b")).hasSameHashCodeAs(Identifier.of("a", "b"));
        assertThat(Identifier.of("a", "b")).isNotEqualTo(Identifier.of("a.b"));
        assertThat(Identifier.of("a", "b").parts()).containsExactly("a", "b");
    }

    @Test
    void ofQualifiedSplitsDatabaseAndName() {
        assertThat(Identifier.ofQualified("events")).isEqualTo(Identifier.of("events"));
        assertThat(Identifier.ofQualified("db.events")).isEqualTo(Identifier.of("db", "events"));
        assertThat(Identifier.ofQualified("db.events").toSql()).isEqualTo("`db`.`events`");
        assertThat(Identifier.ofQualified("my-db.events 2024").parts()).containsExactly("my-db", "events 2024");
    }

    @Test
    void ofQualifiedRefusesWhatItCannotSplitUnambiguously() {
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified(null))
                .withMessage("Qualified name 'null' is blank");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified(" "))
                .withMessageContaining("is blank");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified(".t"))
                .withMessageContaining("'.t' has an empty part");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified("db."))
                .withMessageContaining("'db.' has an empty part");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified("a.b.c"))
                .withMessageContaining("'a.b.c' has more than one dot");
        // back-quoted parts with a dot inside used to be split in the middle of the quotes
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified("`my.db`.events"))
                .withMessageContaining("contains a quote").withMessageContaining("Identifier.of");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified("\"db\".events"))
                .withMessageContaining("contains a quote");
        assertThatIllegalArgumentException().isThrownBy(() -> Identifier.ofQualified("db.a\0b"))
                .withMessage("Identifier part 2 contains a NUL character");
    }
}
