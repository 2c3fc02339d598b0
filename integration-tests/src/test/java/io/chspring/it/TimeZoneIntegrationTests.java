package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.query.MapRows;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.LocalClickHouseServer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Time zones against a ClickHouse 18.16 server whose own zone is Asia/Kolkata (+05:30, not a whole hour, so that a
 * zone applied twice or not at all shows), with columns without a zone, in Asia/Tokyo and in America/New_York (which
 * switches to summer time on the day used). One fixed instant, 2024-03-10 12:34:56 UTC (epoch 1710074096); its
 * wall-clock readings were computed by hand (Python's zoneinfo) and are checked against the server's own
 * {@code toString(column)} first, so every expected value below comes from outside the client:
 * Kolkata 18:04:56, Tokyo 21:34:56, New York 08:34:56 (EDT, -04:00).
 */
@ClickHouseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeZoneIntegrationTests {

    static final long EPOCH = 1_710_074_096L;
    static final Instant INSTANT = Instant.parse("2024-03-10T12:34:56Z");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDateTime UTC_WALL = LocalDateTime.parse("2024-03-10T12:34:56");
    static final LocalDateTime KOLKATA_WALL = LocalDateTime.parse("2024-03-10T18:04:56");
    static final LocalDateTime TOKYO_WALL = LocalDateTime.parse("2024-03-10T21:34:56");
    static final LocalDateTime NEW_YORK_WALL = LocalDateTime.parse("2024-03-10T08:34:56");

    record Local(int id, LocalDateTime plain, LocalDateTime tokyo, LocalDateTime ny) {
    }

    record Zoned(int id, ZonedDateTime plain, ZonedDateTime tokyo, ZonedDateTime ny) {
    }

    record Offset(int id, OffsetDateTime plain, OffsetDateTime tokyo, OffsetDateTime ny) {
    }

    record Instants(int id, Instant plain, Instant tokyo, Instant ny) {
    }

    private LocalClickHouseServer server;
    private ClickHouseClient root;

    @BeforeAll
    void start() {
        server = LocalClickHouseServer.builder().timeZone(KOLKATA).build();
        server.start();
        root = ClickHouseClient.fromUrl(server.url());
    }

    @AfterAll
    void stop() {
        if (root != null) {
            root.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void table() {
        root.execute("DROP TABLE IF EXISTS tz");
        root.execute("CREATE TABLE tz (id UInt8, plain DateTime, tokyo DateTime('Asia/Tokyo'),"
                + " ny DateTime('America/New_York')) ENGINE = MergeTree ORDER BY id");
        root.execute("INSERT INTO tz SELECT 1, toDateTime(" + EPOCH + "), toDateTime(" + EPOCH + "), toDateTime("
                + EPOCH + ")");
    }

    private ClickHouseClient client(TimeZoneRule rule) {
        return root.withTimeZoneRule(rule);
    }

    /** The server's text of the row with {@code id}: the oracle for wall-clock readings. */
    private String serverText(int id) {
        return root.query("SELECT toString(plain), toString(tokyo), toString(ny), toUnixTimestamp(plain),"
                + " toUnixTimestamp(tokyo), toUnixTimestamp(ny) FROM tz WHERE id = " + id).fetchString("TabSeparated")
                .strip();
    }

    @Test
    void theServerZoneIsAskedWithTheVersionAndTheServerAgreesWithTheHandComputedReadings() {
        assertThat(root.serverTimeZone()).isEqualTo(KOLKATA);
        assertThat(root.columnDefaultTimeZone()).isEqualTo(KOLKATA);
        assertThat(serverText(1)).isEqualTo("2024-03-10 18:04:56\t2024-03-10 21:34:56\t2024-03-10 08:34:56\t"
                + EPOCH + "\t" + EPOCH + "\t" + EPOCH);
    }

    @ParameterizedTest
    @EnumSource(TimeZoneRule.class)
    void instantsAreTheSameUnderEveryRule(TimeZoneRule rule) {
        assertThat(client(rule).query("SELECT ?fields FROM tz").fetchOne(Instants.class))
                .isEqualTo(new Instants(1, INSTANT, INSTANT, INSTANT));
        MapRows maps = client(rule).query("SELECT plain, tokyo, ny FROM tz").fetchMaps();
        assertThat(maps.get(0)).isEqualTo(Map.of("plain", INSTANT, "tokyo", INSTANT, "ny", INSTANT));
        assertThat(maps.columns().stream().map(c -> c.type().toString()).toList())
                .containsExactly("DateTime", "DateTime('Asia/Tokyo')", "DateTime('America/New_York')");
    }

    @Test
    void localDateTimeReadsFollowTheRule() {
        assertThat(client(TimeZoneRule.UTC).query("SELECT ?fields FROM tz").fetchOne(Local.class))
                .isEqualTo(new Local(1, UTC_WALL, UTC_WALL, UTC_WALL));
        assertThat(client(TimeZoneRule.SERVER).query("SELECT ?fields FROM tz").fetchOne(Local.class))
                .isEqualTo(new Local(1, KOLKATA_WALL, KOLKATA_WALL, KOLKATA_WALL));
        assertThat(client(TimeZoneRule.COLUMN).query("SELECT ?fields FROM tz").fetchOne(Local.class))
                .isEqualTo(new Local(1, KOLKATA_WALL, TOKYO_WALL, NEW_YORK_WALL));
        assertThat(client(TimeZoneRule.COLUMN).query("SELECT ny FROM tz").fetchOne(LocalDateTime.class))
                .isEqualTo(NEW_YORK_WALL);
    }

    @ParameterizedTest
    @EnumSource(TimeZoneRule.class)
    void zonedAndOffsetReadsCarryTheColumnZoneElseTheServerZone(TimeZoneRule rule) {
        assertThat(client(rule).query("SELECT ?fields FROM tz").fetchOne(Zoned.class)).isEqualTo(new Zoned(1,
                ZonedDateTime.of(KOLKATA_WALL, KOLKATA), ZonedDateTime.of(TOKYO_WALL, TOKYO),
                ZonedDateTime.of(NEW_YORK_WALL, NEW_YORK)));
        Offset offsets = client(rule).query("SELECT ?fields FROM tz").fetchOne(Offset.class);
        assertThat(offsets.plain()).hasToString("2024-03-10T18:04:56+05:30");
        assertThat(offsets.tokyo()).hasToString("2024-03-10T21:34:56+09:00");
        assertThat(offsets.ny()).hasToString("2024-03-10T08:34:56-04:00");
    }

    @Test
    void typedInsertsGiveLocalDateTimesTheRulesInstant() {
        try (var insert = client(TimeZoneRule.UTC).insert("tz", Local.class)) {
            insert.write(new Local(2, UTC_WALL, UTC_WALL, UTC_WALL));
            insert.end();
        }
        try (var insert = client(TimeZoneRule.SERVER).insert("tz", Local.class)) {
            insert.write(new Local(3, KOLKATA_WALL, KOLKATA_WALL, KOLKATA_WALL));
            insert.end();
        }
        try (var insert = client(TimeZoneRule.COLUMN).insert("tz", Local.class)) {
            insert.write(new Local(4, KOLKATA_WALL, TOKYO_WALL, NEW_YORK_WALL));
            insert.end();
        }
        for (int id = 2; id <= 4; id++) {
            assertThat(serverText(id)).as("row %d", id).isEqualTo(serverText(1));
        }
    }

    @Test
    void inserterAndUntypedRowsFollowTheRuleToo() {
        try (Inserter<Local> inserter = client(TimeZoneRule.COLUMN).inserter("tz", Local.class).build()) {
            inserter.write(new Local(5, KOLKATA_WALL, TOKYO_WALL, NEW_YORK_WALL));
            inserter.flush();
        }
        client(TimeZoneRule.SERVER).insertRows("tz", List.of("id", "plain", "tokyo", "ny"),
                List.of((Object) new Object[] {6, KOLKATA_WALL, KOLKATA_WALL, KOLKATA_WALL}));
        client(TimeZoneRule.UTC).insertRows("tz", List.of("id", "plain", "tokyo", "ny"),
                List.of(List.of(7, UTC_WALL, ZonedDateTime.of(TOKYO_WALL, TOKYO), INSTANT)));
        for (int id = 5; id <= 7; id++) {
            assertThat(serverText(id)).as("row %d", id).isEqualTo(serverText(1));
        }
    }

    @Test
    void boundLocalDateTimesMeanTheRulesInstantWhatTheColumn() {
        // a bound value has no column: under COLUMN it is the server's wall clock, like SERVER
        String count = "SELECT count() FROM tz WHERE id = 1 AND plain = ? AND tokyo = ? AND ny = ?";
        assertThat(client(TimeZoneRule.UTC).query(count).bind(UTC_WALL, UTC_WALL, UTC_WALL).fetchOne(Long.class))
                .isEqualTo(1L);
        for (TimeZoneRule rule : List.of(TimeZoneRule.SERVER, TimeZoneRule.COLUMN)) {
            assertThat(client(rule).query(count).bind(KOLKATA_WALL, KOLKATA_WALL, KOLKATA_WALL).fetchOne(Long.class))
                    .as(rule.name()).isEqualTo(1L);
            assertThat(client(rule).prepare("SELECT id FROM tz WHERE plain = :t AND ny IN :ts", Integer.class)
                    .bind("t", KOLKATA_WALL).bind("ts", List.of(KOLKATA_WALL, UTC_WALL)).fetchAll())
                    .as(rule.name()).containsExactly(1);
        }
        // the wrong wall clock for the rule finds nothing: the rule really changes the instant
        assertThat(client(TimeZoneRule.UTC).query(count).bind(KOLKATA_WALL, KOLKATA_WALL, KOLKATA_WALL)
                .fetchOne(Long.class)).isZero();
        for (TimeZoneRule rule : TimeZoneRule.values()) {
            assertThat(client(rule).query(count).bind(INSTANT, ZonedDateTime.of(TOKYO_WALL, TOKYO),
                    OffsetDateTime.parse("2024-03-10T08:34:56-04:00")).fetchOne(Long.class)).as(rule.name())
                    .isEqualTo(1L);
        }
        assertThat(client(TimeZoneRule.SERVER).query("SELECT toUnixTimestamp(?)").bind(KOLKATA_WALL)
                .fetchOne(Long.class)).isEqualTo(EPOCH);
    }

    @Test
    void sessionTimeZoneIsRefusedOnThisServerBeforeAnythingIsSent() {
        ClickHouseClient session = root.withSessionTimeZone(TOKYO);
        assertThatThrownBy(() -> session.query("SELECT 1").fetchOne(Integer.class))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("session_timezone='Asia/Tokyo' needs ClickHouse 23.6")
                .hasMessageContaining("runs 18.16")
                .hasMessageContaining("Asia/Kolkata");
    }
}
