package io.chspring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.repository.support.ClickHouseRepositoryFactory;
import io.chspring.sample.PageViewRepository.PageCount;
import io.chspring.test.mock.Handlers;
import io.chspring.test.mock.MockClickHouseServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A controller unit test without a ClickHouse engine: the real client, template and repository talk HTTP to an
 * in-process {@link MockClickHouseServer} that answers with chosen rows and records the SQL it received.
 */
class StatsControllerTests {

    @RegisterExtension
    static final MockClickHouseServer clickhouse = MockClickHouseServer.start();

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    ClickHouseClient client;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        client = ClickHouseClient.fromUrl(clickhouse.url());
        PageViewRepository repository = new ClickHouseRepositoryFactory(new ClickHouseTemplate(client))
                .getRepository(PageViewRepository.class);
        mvc = MockMvcBuilders.standaloneSetup(new StatsController(repository, Clock.fixed(NOW, ZoneOffset.UTC)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void topPagesRendersTheRepositoryRowsAsJson() throws Exception {
        clickhouse.add(Handlers.provide(PageCount.class,
                List.of(new PageCount("/pricing", 42, 17), new PageCount("/docs", 5, 3))));

        mvc.perform(get("/stats/top-pages").param("minutes", "30").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"path": "/pricing", "views": 42, "users": 17}, {"path": "/docs", "views": 5, "users": 3}]"""));

        assertThat(clickhouse.statements()).anySatisfy(sql -> assertThat(sql)
                .contains("FROM page_views WHERE ts >= ").contains("2026-03-01 11:30:00").contains("LIMIT 2"));
    }

    @Test
    void anOutOfRangeWindowIsRefusedBeforeAnyQuery() throws Exception {
        mvc.perform(get("/stats/unique-users").param("minutes", "0")).andExpect(status().isBadRequest());
        assertThat(clickhouse.statements()).noneSatisfy(sql -> assertThat(sql).contains("page_views"));
    }
}
