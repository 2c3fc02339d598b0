package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.inserter.Inserter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessException;

/**
 * What the Inserter beans do when ClickHouse is down at startup: by default they fail it (each reads its table's
 * columns when created); with {@code clickhouse.inserter.lazy-initialization} they are created on first use.
 */
class ClickHouseInserterStartupTests {

    /** A loopback URL nothing listens on: a port the OS handed out and that was closed again. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static ApplicationContextRunner runner() throws IOException {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ClickHouseAutoConfiguration.class,
                        ClickHouseDataAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class))
                .withUserConfiguration(ScanRoot.class)
                .withPropertyValues("clickhouse.url=" + deadUrl());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void byDefaultTheApplicationFailsToStartNamingTheInserter() throws IOException {
        runner().run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).hasMessageContaining("eventInserter");
            assertThat(causedBy(failure, DataAccessException.class)).as("%s", failure).isTrue();
            assertThat(causedBy(failure, ClickHouseTransportException.class)).isTrue();
        });
    }

    @Test
    void lazyInsertersLetItStartAndFailOnFirstUse() throws IOException {
        runner().withPropertyValues("clickhouse.inserter.lazy-initialization=true").withBean(LateEvents.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Throwable failure = catchThrowable(() -> context.getBean(LateEvents.class).events.getObject());
                    assertThat(failure).hasMessageContaining("eventInserter");
                    assertThat(causedBy(failure, ClickHouseTransportException.class)).as("%s", failure).isTrue();
                });
    }

    @Test
    void lazyInsertersInjectedIntoAnEagerBeanAreStillCreatedAtStartup() throws IOException {
        runner().withPropertyValues("clickhouse.inserter.lazy-initialization=true").withBean(EagerEvents.class)
                .run(context -> assertThat(context).hasFailed());
    }

    static class LateEvents {

        @Autowired
        ObjectProvider<Inserter<Event>> events;
    }

    static class EagerEvents {

        @Autowired
        Inserter<Event> events;
    }
}
