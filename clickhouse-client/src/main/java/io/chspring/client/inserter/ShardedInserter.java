package io.chspring.client.inserter;

import io.chspring.client.cluster.ShardSlots;
import io.chspring.client.cluster.ShardingKey;
import io.chspring.client.type.ClickHouseType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows straight to the shard-local tables of a {@code Distributed} table, each row to the shard the
 * Distributed table would have chosen for it (same sharding expression, same weights): what big ingest pipelines
 * do to save the Distributed table's second hop. One {@link Inserter} per shard batches that shard's rows and sends
 * them to a replica of the shard, moving to another replica of the same shard when one fails; the replicated
 * table stores a retried batch once.
 *
 * @param <T> the row type
 */
public final class ShardedInserter<T> implements AutoCloseable {

    private final String table;
    private final List<Inserter<T>> shards;
    private final ShardSlots slots;
    private final ShardingKey key;
    private final @Nullable ClickHouseType keyType;
    private final @Nullable Function<T, Object> keyValue;

    /**
     * @param table the Distributed table, for messages
     * @param shards one inserter per shard, in {@code shard_num} order, each writing the shard-local table
     * @param slots the shard weights
     * @param key the sharding expression
     * @param keyType the type of the key column ({@code null} for {@code rand()})
     * @param keyValue reads the key column's value from a row ({@code null} for {@code rand()})
     */
    public ShardedInserter(String table, List<Inserter<T>> shards, ShardSlots slots, ShardingKey key,
            @Nullable ClickHouseType keyType, @Nullable Function<T, Object> keyValue) {
        this.table = Objects.requireNonNull(table, "table");
        this.shards = List.copyOf(shards);
        this.slots = Objects.requireNonNull(slots, "slots");
        this.key = Objects.requireNonNull(key, "key");
        this.keyType = keyType;
        this.keyValue = keyValue;
        if (!key.isRandom()) {
            key.checkColumnType(Objects.requireNonNull(keyType, "keyType"));
            Objects.requireNonNull(keyValue, "keyValue");
        }
    }

    /** Routes the row to its shard's inserter; thread-safe, never blocks on I/O (see {@link Inserter#write}). */
    public void write(T row) {
        shards.get(shardOf(row)).write(row);
    }

    /** The shard index (0-based) the row goes to. */
    public int shardOf(T row) {
        long k = key.isRandom() || keyValue == null || keyType == null ? key.random()
                : key.evaluate(keyValue.apply(row), keyType);
        return slots.shardOf(k);
    }

    /** Flushes every shard; throws the first shard's failure after all were flushed. */
    public InserterStats flush() {
        eachShard(Inserter::flush);
        return stats();
    }

    /** Runs {@code action} on every shard, then throws the first failure (later ones suppressed in it). */
    private void eachShard(Consumer<Inserter<T>> action) {
        RuntimeException first = null;
        for (Inserter<T> shard : shards) {
            try {
                action.accept(shard);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The counters of all shards added up ({@code lastCommitAt} is the latest). */
    public InserterStats stats() {
        long rows = 0, bytes = 0, inserts = 0, failures = 0, retries = 0, spooled = 0, lost = 0, bRows = 0, bBytes = 0;
        Instant last = null;
        for (InserterStats s : shardStats()) {
            rows += s.committedRows();
            bytes += s.committedBytes();
            inserts += s.inserts();
            failures += s.failures();
            retries += s.retries();
            spooled += s.spooledBatches();
            lost += s.lostBatches();
            bRows += s.bufferedRows();
            bBytes += s.bufferedBytes();
            if (s.lastCommitAt() != null && (last == null || s.lastCommitAt().isAfter(last))) {
                last = s.lastCommitAt();
            }
        }
        return new InserterStats(rows, bytes, inserts, failures, retries, spooled, lost, bRows, bBytes, last);
    }

    /** The counters of each shard, in shard order. */
    public List<InserterStats> shardStats() {
        List<InserterStats> stats = new ArrayList<>(shards.size());
        shards.forEach(s -> stats.add(s.stats()));
        return stats;
    }

    /** Closes every shard's inserter (each flushes what it holds first). */
    @Override
    public void close() {
        eachShard(Inserter::close);
    }

    @Override
    public String toString() {
        return "ShardedInserter[" + table + " by " + key + " over " + shards.size() + " shards]";
    }
}
