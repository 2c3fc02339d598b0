package io.chspring.client.cluster;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.sql.TopLevelCommas;
import java.util.List;
import java.util.Optional;

/**
 * The definition of a {@code Distributed} table, read from {@code system.tables.engine_full}:
 * {@code Distributed(cluster, database, table[, sharding_key[, policy]])}.
 *
 * @param cluster the cluster it spreads over
 * @param database the database of the shard-local tables
 * @param table the shard-local table
 * @param shardingKey the sharding expression as the server prints it; empty when there is none (then the table
 *     accepts writes only on a cluster of one shard)
 */
public record DistributedTable(String cluster, String database, String table, Optional<String> shardingKey) {

    /** Reads {@code engine_full}; bind database and table name. */
    public static final String QUERY = "SELECT engine, engine_full FROM system.tables WHERE database = ? AND name = ?";

    /**
     * Parses {@code engine_full} of a table.
     *
     * @param name the table, for messages
     * @throws ClickHouseConfigurationException naming the table when it is not a Distributed table
     */
    public static DistributedTable parse(String name, String engine, String engineFull) {
        if (!"Distributed".equals(engine)) {
            throw new ClickHouseConfigurationException("Table '" + name + "' is " + (engine == null || engine.isEmpty()
                    ? "not found" : "a " + engine + " table") + ", not a Distributed table");
        }
        int open = engineFull.indexOf('(');
        int close = engineFull.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new ClickHouseConfigurationException("Cannot read the engine of table '" + name + "': " + engineFull);
        }
        List<String> args;
        try {
            args = TopLevelCommas.split(engineFull.substring(open + 1, close)).stream().map(String::strip).toList();
        } catch (IllegalArgumentException e) {
            throw new ClickHouseConfigurationException("Cannot read the engine of table '" + name + "' ("
                    + e.getMessage() + "): " + engineFull, e);
        }
        if (args.size() < 3) {
            throw new ClickHouseConfigurationException("Cannot read the engine of table '" + name + "': " + engineFull);
        }
        return new DistributedTable(unquote(args.get(0)), unquote(args.get(1)), unquote(args.get(2)),
                args.size() > 3 ? Optional.of(args.get(3)) : Optional.empty());
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '`' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1).replace("\\" + s.charAt(0), String.valueOf(s.charAt(0)));
        }
        return s;
    }
}
