package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.LocalClickHouseServer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client's time zone rule through the template: entities with {@code LocalDateTime} properties read and written,
 * and {@code :name} values bound, on a ClickHouse 18.16 server in Asia/Kolkata (+05:30). The instant is 2024-03-10
 * 12:34:56 UTC (epoch 1710074096); its Kolkata and Tokyo readings were computed by hand and the server's own
 * {@code toString} is checked against them: 18:04:56 and 21:34:56.
 */
@ClickHouseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseTemplateTimeZoneIntegrationTests {

    static final LocalDateTime KOLKATA_WALL = LocalDateTime.parse("2024-03-10T18:04:56");
    static final LocalDateTime TOKYO_WALL = LocalDateTime.parse("2024-03-10T21:34:56");

    @Table("visits")
    record Visit(long id, LocalDateTime plain, LocalDateTime tokyo) {
    }

    private LocalClickHouseServer server;
    private ClickHouseClient client;
    private ClickHouseTemplate template;

    @BeforeAll
    void start() {
        server = LocalClickHouseServer.builder().timeZone(ZoneId.of("Asia/Kolkata")).build();
        server.start();
        client = ClickHouseClient.builder().url(server.url()).timeZoneRule(TimeZoneRule.COLUMN).build();
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE visits (id UInt64, plain DateTime, tokyo DateTime('Asia/Tokyo'))"
                + " ENGINE = MergeTree ORDER BY id");
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void entitiesAndNamedValuesFollowTheClientsRule() {
        template.insert(new Visit(1, KOLKATA_WALL, TOKYO_WALL));
        String text = "SELECT concat(toString(plain), ' ', toString(tokyo), ' ', toString(toUnixTimestamp(plain)), ' ',"
                + " toString(toUnixTimestamp(tokyo))) FROM visits";
        assertThat(template.queryForObject(text, String.class)).isEqualTo("2024-03-10 18:04:56 2024-03-10 21:34:56 1710074096 1710074096");
        assertThat(template.sql("SELECT ?fields FROM visits").query(Visit.class).list())
                .containsExactly(new Visit(1, KOLKATA_WALL, TOKYO_WALL));
        // a bound value has no column: the COLUMN rule gives it the server's zone
        assertThat(template.sql("SELECT id FROM visits WHERE plain = :t AND tokyo IN :ts").param("t", KOLKATA_WALL)
                .param("ts", List.of(KOLKATA_WALL)).query(Long.class).list()).containsExactly(1L);
        assertThat(template.queryForList("SELECT id FROM visits WHERE tokyo = ?", Long.class, KOLKATA_WALL))
                .containsExactly(1L);
        assertThat(template.queryForList("SELECT id FROM visits WHERE tokyo = ?", Long.class, TOKYO_WALL)).isEmpty();
    }
}
