package io.chspring.client.inserter;

import java.time.Duration;
import java.util.List;

/** The validated, immutable options of one {@link Inserter}; built by {@link InserterBuilder}. */
record InserterConfig(
        String table,
        List<String> columns,
        long maxRows,
        long maxBytes,
        Duration period,
        double periodBias,
        long maxBufferedBytes,
        Duration writeTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration retryBudget,
        Duration closeTimeout,
        boolean shutdownHook,
        String inserterId) {
}
