package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.client.query.RowCursor;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import io.chspring.test.proxy.Direction;
import io.chspring.test.proxy.Fault;
import io.chspring.test.proxy.FaultInjectingProxy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the real 18.16 server through {@link FaultInjectingProxy}: for every fault, a query, a streaming
 * read, an {@link Insert} and an {@link Inserter} end in a {@link ClickHouseException} within a bound derived from the
 * configured timeouts, never a hang and never a silent short result.
 */
@ClickHouseIntegrationTest
class FaultProxyIntegrationTests {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(3);
    /** Response timeout twice (the client may retry once), the Inserter's retry budget, and slack for a busy machine. */
    private static final Duration BOUND = RESPONSE_TIMEOUT.multipliedBy(2).plus(RETRY_BUDGET).plusSeconds(3);
    /** Past this an operation counts as hung; it is cancelled so the build goes on. */
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final long STREAM_ROWS = 2_000_000;

    record Event(long id, String name) {
    }

    private static ExecutorService runner;
    private FaultInjectingProxy proxy;
    private ClickHouseClient client;

    @BeforeAll
    static void schema(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE events (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy-it");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopRunner() {
        runner.shutdownNow();
    }

    @BeforeEach
    void connect(ClickHouseTestDatabase db) {
        proxy = FaultInjectingProxy.start(db.server().host(), db.server().port());
        client = ClickHouseClient.builder().endpoint(proxy.url()).database(db.name())
                .credentials(db.server().defaultUser().user(), db.server().defaultUser().password())
                .connectTimeout(Duration.ofSeconds(1)).responseTimeout(RESPONSE_TIMEOUT).build();
        // The version probe and a pooled connection, before any fault.
        assertThat(client.query("SELECT 1").fetchString("TabSeparated")).isEqualTo("1\n");
    }

    @AfterEach
    void close() {
        client.close();
        proxy.close();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("reset", Fault.reset()),
                Arguments.of("stall", Fault.stall()),
                Arguments.of("stallResponse", Fault.stallResponse()),
                Arguments.of("cutRequestAfter100", Fault.cutAfter(Direction.REQUEST, 100)),
                Arguments.of("cutResponseAfter100", Fault.cutAfter(Direction.RESPONSE, 100)),
                Arguments.of("dropResponse", Fault.dropResponse()));
    }

    /**
     * Faults for inserts, plus a request body that drips (10 bytes every 0.5 s): the client's response timeout must
     * still end the insert, although the server keeps receiving bytes.
     */
    static Stream<Arguments> insertFaults() {
        return Stream.concat(faults(), Stream.of(
                Arguments.of("dripRequest", Fault.drip(Direction.REQUEST, 10, Duration.ofMillis(500)))));
    }

    /** Faults that keep a streamed answer short: cut it mid-body, where a short read could pass for the end. */
    static Stream<Arguments> streamFaults() {
        return Stream.concat(faults(), Stream.of(
                Arguments.of("cutResponseAfter1MiB", Fault.cutAfter(Direction.RESPONSE, 1 << 20))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aQueryFailsClearlyInTime(String name, Fault fault) {
        proxy.inject(fault);
        expectFailure(name, () -> client.query("SELECT count() FROM system.numbers LIMIT 10").fetchString("TabSeparated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamFaults")
    void aStreamingReadFailsClearlyInTimeAndNeverEndsShort(String name, Fault fault) {
        proxy.inject(fault);
        expectFailure(name, () -> {
            long rows = 0;
            try (RowCursor<Event> cursor = client.query("SELECT number AS id, toString(number) AS name FROM system.numbers LIMIT "
                    + STREAM_ROWS).fetch(Event.class)) {
                for (Event e : cursor) {
                    rows++;
                }
            }
            return rows + " rows of " + STREAM_ROWS;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertFaults")
    void anInsertFailsClearlyInTime(String name, Fault fault) {
        // The DESCRIBE TABLE of the typed insert passes; the INSERT itself meets the fault.
        proxy.inject(fault, "INSERT", Integer.MAX_VALUE);
        expectFailure(name, () -> {
            try (Insert<Event> insert = client.insert("events", Event.class)) {
                for (long id = 0; id < 10_000; id++) {
                    insert.write(new Event(id, "event-" + id));
                }
                return insert.end();
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertFaults")
    void anInserterFlushFailsClearlyInTime(String name, Fault fault) {
        proxy.inject(fault, "INSERT", Integer.MAX_VALUE);
        expectFailure(name, () -> {
            try (Inserter<Event> inserter = client.inserter("events", Event.class).period(Duration.ofHours(1))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).retryBudget(RETRY_BUDGET)
                    .closeTimeout(Duration.ofSeconds(1)).shutdownHook(false).build()) {
                for (long id = 0; id < 10_000; id++) {
                    inserter.write(new Event(id, "event-" + id));
                }
                return inserter.flush();
            }
        });
    }

    /**
     * An answer that drips (1000 bytes every 0.5 s) keeps every single read under the response timeout; the query's
     * {@code timeout} is a deadline for the whole query and still ends the stream. (The deadline starts counting
     * once the response has begun: headers dripped slower than the response timeout are not bounded by it yet.)
     */
    @Test
    void aDrippingStreamEndsAtTheQueryDeadline() {
        proxy.inject(Fault.drip(Direction.RESPONSE, 1000, Duration.ofMillis(500)));
        expectFailure("dripResponse/stream", () -> {
            long rows = 0;
            try (RowCursor<Event> cursor = client.query("SELECT number AS id, toString(number) AS name"
                    + " FROM system.numbers LIMIT 100000").timeout(Duration.ofSeconds(2)).fetch(Event.class)) {
                for (Event e : cursor) {
                    rows++;
                }
            }
            return rows + " rows of 100000";
        });
    }

    private void expectFailure(String fault, Callable<?> operation) {
        long started = System.nanoTime();
        Future<?> future = runner.submit(operation);
        Throwable failure;
        try {
            Object result = future.get(HANG.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("fault " + fault + ": the operation succeeded with " + result + " instead of failing");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("fault " + fault + ": the operation hung for " + HANG.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("fault %-20s %5d ms  %s%n", fault, elapsed.toMillis(), failure);
        assertThat(failure).as("fault " + fault).isInstanceOf(ClickHouseException.class);
        assertThat(failure.getMessage()).as("fault " + fault).isNotBlank();
        assertThat(elapsed).as("fault " + fault + ": " + failure).isLessThan(BOUND);
        assertThat(proxy.faultedRequests()).as("the fault was applied").isPositive();
    }

}
