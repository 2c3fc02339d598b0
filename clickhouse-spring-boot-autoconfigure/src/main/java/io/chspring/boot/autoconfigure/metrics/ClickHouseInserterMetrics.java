package io.chspring.boot.autoconfigure.metrics;

import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Binds the counters of every {@link Inserter} bean, tagged {@code inserter} = bean name: the counters
 * {@code clickhouse.inserter.rows}, {@code .bytes}, {@code .commits}, {@code .failures}, {@code .retries},
 * {@code .spooled.batches}, {@code .lost.batches} and the gauges {@code clickhouse.inserter.buffered.rows} and
 * {@code .buffered.bytes}, all read from {@link Inserter#stats()} when the registry is scraped.
 */
public final class ClickHouseInserterMetrics implements MeterBinder {

    private final ListableBeanFactory beanFactory;

    /** Binds the Inserter beans of {@code beanFactory}. */
    public ClickHouseInserterMetrics(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : beanFactory.getBeanNamesForType(Inserter.class, false, false)) {
            Inserter<?> inserter = beanFactory.getBean(name, Inserter.class);
            bind(registry, inserter, Tags.of("inserter", name));
        }
    }

    static void bind(MeterRegistry registry, Inserter<?> inserter, Tags tags) {
        counter(registry, inserter, tags, "rows", "rows", "Rows committed", InserterStats::committedRows);
        counter(registry, inserter, tags, "bytes", "bytes", "RowBinary bytes committed", InserterStats::committedBytes);
        counter(registry, inserter, tags, "commits", "batches", "Batches committed", InserterStats::inserts);
        counter(registry, inserter, tags, "failures", "batches", "Batches that finally failed",
                InserterStats::failures);
        counter(registry, inserter, tags, "retries", "attempts", "Attempts retried", InserterStats::retries);
        counter(registry, inserter, tags, "spooled.batches", "batches", "Failed batches kept by the failure handler",
                InserterStats::spooledBatches);
        counter(registry, inserter, tags, "lost.batches", "batches", "Failed batches the failure handler lost",
                InserterStats::lostBatches);
        gauge(registry, inserter, tags, "buffered.rows", "rows", "Rows written but not yet committed",
                InserterStats::bufferedRows);
        gauge(registry, inserter, tags, "buffered.bytes", "bytes", "Bytes of rows not yet committed",
                InserterStats::bufferedBytes);
    }

    private static void counter(MeterRegistry registry, Inserter<?> inserter, Tags tags, String name, String unit,
            String description, ToDoubleFunction<InserterStats> value) {
        FunctionCounter.builder("clickhouse.inserter." + name, inserter, i -> value.applyAsDouble(i.stats()))
                .tags(tags).baseUnit(unit).description(description).register(registry);
    }

    private static void gauge(MeterRegistry registry, Inserter<?> inserter, Tags tags, String name, String unit,
            String description, ToDoubleFunction<InserterStats> value) {
        Gauge.builder("clickhouse.inserter." + name, inserter, i -> value.applyAsDouble(i.stats()))
                .tags(tags).baseUnit(unit).description(description).register(registry);
    }
}
