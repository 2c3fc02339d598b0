package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineKind;
import io.chspring.test.EngineTarget;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * {@code session_timezone} and DateTime64 zones, on the embedded ClickHouse 26.5 (18.16 has neither; see
 * {@link TimeZoneIntegrationTests} for that server, run in Asia/Kolkata). The session zone is Asia/Kolkata here, the
 * fixed instant 2024-03-10 12:34:56.789 UTC (epoch milliseconds 1710074096789) and its wall-clock readings are
 * computed by hand and checked against the engine's own text output first: Kolkata 18:04:56.789, New York
 * 08:34:56.789 (EDT).
 */
@ClickHouseEngines(EngineKind.EMBEDDED)
class SessionTimeZoneIntegrationTests {

    static final long MILLIS = 1_710_074_096_789L;
    static final Instant INSTANT = Instant.ofEpochMilli(MILLIS);
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDateTime UTC_WALL = LocalDateTime.parse("2024-03-10T12:34:56.789");
    static final LocalDateTime KOLKATA_WALL = LocalDateTime.parse("2024-03-10T18:04:56.789");
    static final LocalDateTime NEW_YORK_WALL = LocalDateTime.parse("2024-03-10T08:34:56.789");

    record Local(int id, LocalDateTime plain, LocalDateTime ny) {
    }

    record Zoned(int id, ZonedDateTime plain, ZonedDateTime ny) {
    }

    private static ClickHouseClient root;

    @Parameter
    EngineTarget engine;

    @BeforeParameterizedClassInvocation
    static void setUp(EngineTarget engine) {
        root = ClickHouseClient.fromUrl(engine.url());
    }

    @AfterParameterizedClassInvocation
    static void tearDown() {
        if (root != null) {
            root.close();
            root = null;
        }
    }

    @BeforeEach
    void table() {
        root.execute("DROP TABLE IF EXISTS t64");
        root.execute("CREATE TABLE t64 (id UInt8, plain DateTime64(3), ny DateTime64(3, 'America/New_York'))"
                + " ENGINE = MergeTree ORDER BY id");
        root.execute("INSERT INTO t64 SELECT 1, fromUnixTimestamp64Milli(" + MILLIS + "), fromUnixTimestamp64Milli("
                + MILLIS + ")");
    }

    private static ClickHouseClient kolkata(TimeZoneRule rule) {
        return root.withSessionTimeZone(KOLKATA).withTimeZoneRule(rule);
    }

    /**
     * The engine's text of row {@code id}: the oracle. The columns' own text output, not {@code toString(column)}:
     * in 26.5 a column without a zone keeps, for {@code toString} and {@code timezoneOf}, the zone that was in force
     * when the table was created, while text output follows {@code session_timezone} as documented.
     */
    private static String text(ClickHouseClient client, int id) {
        return client.query("SELECT plain, ny, toUnixTimestamp64Milli(plain), toUnixTimestamp64Milli(ny) FROM t64"
                + " WHERE id = " + id).fetchString("TabSeparated").strip();
    }

    @Test
    void theEnginesZoneIsKnownAndTheSessionZoneReplacesItForColumnsWithoutOne() {
        String engineZone = root.query("SELECT timezone()").fetchOne(String.class);
        assertThat(root.serverTimeZone()).isEqualTo(ZoneId.of(engineZone));
        ClickHouseClient session = kolkata(TimeZoneRule.UTC);
        assertThat(session.query("SELECT timezone()").fetchOne(String.class)).isEqualTo("Asia/Kolkata");
        assertThat(session.columnDefaultTimeZone()).isEqualTo(KOLKATA);
        assertThat(session.serverTimeZone()).isEqualTo(ZoneId.of(engineZone));
        assertThat(text(session, 1)).isEqualTo("2024-03-10 18:04:56.789\t2024-03-10 08:34:56.789\t" + MILLIS + "\t"
                + MILLIS);
    }

    @Test
    void readsFollowTheSessionZoneAndTheRule() {
        assertThat(kolkata(TimeZoneRule.UTC).query("SELECT ?fields FROM t64").fetchOne(Local.class))
                .isEqualTo(new Local(1, UTC_WALL, UTC_WALL));
        assertThat(kolkata(TimeZoneRule.SERVER).query("SELECT ?fields FROM t64").fetchOne(Local.class))
                .isEqualTo(new Local(1, KOLKATA_WALL, KOLKATA_WALL));
        assertThat(kolkata(TimeZoneRule.COLUMN).query("SELECT ?fields FROM t64").fetchOne(Local.class))
                .isEqualTo(new Local(1, KOLKATA_WALL, NEW_YORK_WALL));
        assertThat(kolkata(TimeZoneRule.UTC).query("SELECT ?fields FROM t64").fetchOne(Zoned.class))
                .isEqualTo(new Zoned(1, ZonedDateTime.of(KOLKATA_WALL, KOLKATA),
                        ZonedDateTime.of(NEW_YORK_WALL, NEW_YORK)));
        assertThat(kolkata(TimeZoneRule.COLUMN).query("SELECT plain FROM t64").fetchOne(Instant.class))
                .isEqualTo(INSTANT);
    }

    @Test
    void writesFollowTheSessionZoneAndTheRule() {
        try (var insert = kolkata(TimeZoneRule.COLUMN).insert("t64", Local.class)) {
            insert.write(new Local(2, KOLKATA_WALL, NEW_YORK_WALL));
            insert.end();
        }
        kolkata(TimeZoneRule.SERVER).insertRows("t64", List.of("id", "plain", "ny"),
                List.of(List.of(3, KOLKATA_WALL, KOLKATA_WALL)));
        try (var insert = root.withTimeZoneRule(TimeZoneRule.UTC).insert("t64", Local.class)) {
            insert.write(new Local(4, UTC_WALL, UTC_WALL));
            insert.end();
        }
        for (int id = 2; id <= 4; id++) {
            ClickHouseClient session = kolkata(TimeZoneRule.UTC);
            assertThat(text(session, id)).as("row %d", id).isEqualTo(text(session, 1));
        }
    }

    @Test
    void serverSideParametersMeanTheRulesInstant() {
        String millis = "SELECT toUnixTimestamp64Milli({t:DateTime64(3)})";
        assertThat(kolkata(TimeZoneRule.UTC).query(millis).param("t", UTC_WALL).fetchOne(Long.class))
                .isEqualTo(MILLIS);
        assertThat(kolkata(TimeZoneRule.SERVER).query(millis).param("t", KOLKATA_WALL).fetchOne(Long.class))
                .isEqualTo(MILLIS);
        // COLUMN sends the wall clock: the server reads it in the parameter type's zone, else the session's
        assertThat(kolkata(TimeZoneRule.COLUMN).query(millis).param("t", KOLKATA_WALL).fetchOne(Long.class))
                .isEqualTo(MILLIS);
        assertThat(kolkata(TimeZoneRule.COLUMN).query("SELECT toUnixTimestamp64Milli({t:DateTime64(3, "
                + "'America/New_York')})").param("t", NEW_YORK_WALL).fetchOne(Long.class)).isEqualTo(MILLIS);
        // an instant is an instant, whatever zone the parameter type names
        assertThat(kolkata(TimeZoneRule.UTC).query("SELECT toUnixTimestamp64Milli({t:DateTime64(3, 'Asia/Tokyo')})")
                .param("t", UTC_WALL).fetchOne(Long.class)).isEqualTo(MILLIS);
        assertThat(root.query("SELECT count() FROM t64 WHERE plain = {t:DateTime64(3)}").param("t", INSTANT)
                .fetchOne(Long.class)).isEqualTo(1L);
    }

    @Test
    void boundValuesFollowTheSessionZone() {
        assertThat(kolkata(TimeZoneRule.SERVER).query("SELECT count() FROM t64 WHERE plain = ? AND ny = ?")
                .bind(KOLKATA_WALL, KOLKATA_WALL).fetchOne(Long.class)).isEqualTo(1L);
        assertThat(kolkata(TimeZoneRule.UTC).query("SELECT count() FROM t64 WHERE plain = ?")
                .bind(UTC_WALL).fetchOne(Long.class)).isEqualTo(1L);
    }
}
