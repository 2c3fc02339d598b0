package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import java.util.Arrays;
import java.util.List;

/**
 * The Distributed engine's map from a sharding key to a shard: shard {@code i} owns {@code weight(i)} consecutive
 * slots, and a row with key {@code k} goes to the shard owning slot {@code k % sum(weights)} (unsigned).
 * Shards with weight 0 get no rows.
 */
public final class ShardSlots {

    private final int[] slotToShard;

    private ShardSlots(int[] slotToShard) {
        this.slotToShard = slotToShard;
    }

    /** The slots of shards with these weights, in {@code shard_num} order. */
    public static ShardSlots of(List<Integer> weights) {
        long total = 0;
        for (int i = 0; i < weights.size(); i++) {
            int w = weights.get(i);
            if (w < 0) {
                throw new ClickHouseConfigurationException("Shard " + (i + 1) + " has a negative weight: " + w);
            }
            total += w;
        }
        if (total == 0 || total > 1_000_000) {
            throw new ClickHouseConfigurationException("The shard weights " + weights + " must add up to 1.."
                    + "1000000");
        }
        int[] slots = new int[(int) total];
        int at = 0;
        for (int i = 0; i < weights.size(); i++) {
            Arrays.fill(slots, at, at + weights.get(i), i);
            at += weights.get(i);
        }
        return new ShardSlots(slots);
    }

    /** The shard index (0-based, {@code shard_num - 1}) for the value of a sharding expression. */
    public int shardOf(long key) {
        return slotToShard[(int) Long.remainderUnsigned(key, slotToShard.length)];
    }
}
