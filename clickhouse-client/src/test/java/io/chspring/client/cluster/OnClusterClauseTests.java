package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnClusterClauseTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (id UInt64) ENGINE = Memory | CREATE TABLE t ON CLUSTER c (id UInt64) ENGINE = Memory",
        "create table if not exists db.t(id UInt64) ENGINE = Memory | create table if not exists db.t ON CLUSTER c(id UInt64) ENGINE = Memory",
        "CREATE TABLE `my db`.`t 1` AS t ENGINE = Distributed(c, db, t, rand()) | CREATE TABLE `my db`.`t 1` ON CLUSTER c AS t ENGINE = Distributed(c, db, t, rand())",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS mv TO t AS SELECT 1 | CREATE MATERIALIZED VIEW IF NOT EXISTS mv ON CLUSTER c TO t AS SELECT 1",
        "CREATE DATABASE IF NOT EXISTS analytics | CREATE DATABASE IF NOT EXISTS analytics ON CLUSTER c",
        "CREATE OR REPLACE VIEW v AS SELECT 1 | CREATE OR REPLACE VIEW v ON CLUSTER c AS SELECT 1",
        "ALTER TABLE t ADD COLUMN x String | ALTER TABLE t ON CLUSTER c ADD COLUMN x String",
        "TRUNCATE TABLE IF EXISTS t | TRUNCATE TABLE IF EXISTS t ON CLUSTER c",
        "TRUNCATE t | TRUNCATE t ON CLUSTER c",
        "OPTIMIZE TABLE t FINAL | OPTIMIZE TABLE t ON CLUSTER c FINAL",
        "RENAME TABLE a TO b, c TO d; | RENAME TABLE a TO b, c TO d ON CLUSTER c;",
        "CREATE TABLE t ON CLUSTER other (id UInt64) ENGINE = Memory | CREATE TABLE t ON CLUSTER other (id UInt64) ENGINE = Memory",
        "RENAME TABLE a TO b ON CLUSTER x | RENAME TABLE a TO b ON CLUSTER x"})
    void putsOnClusterWhereTheGrammarWantsIt(String sql, String expected) {
        assertThat(OnClusterClause.insert(sql, "c")).isEqualTo(expected);
    }

    @Test
    void readsPastCommentsAndQuotedNames() {
        assertThat(OnClusterClause.insert("/* ddl */ -- why\n DROP TABLE IF EXISTS t", "c"))
                .isEqualTo("/* ddl */ -- why\n DROP TABLE IF EXISTS t ON CLUSTER c");
        assertThat(OnClusterClause.insert("DETACH TABLE \"a\\\"b\"", "c")).isEqualTo("DETACH TABLE \"a\\\"b\" ON CLUSTER c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-cluster", "1c", "a`b"})
    void quotesClusterNamesThatAreNotPlainIdentifiers(String cluster) {
        String expected = "`" + cluster.replace("`", "\\`") + "`";
        assertThat(OnClusterClause.insert("DROP TABLE t", cluster)).isEqualTo("DROP TABLE t ON CLUSTER " + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1", "INSERT INTO t VALUES (1)", "CREATE USER bob", "SYSTEM FLUSH LOGS", ""})
    void refusesStatementsThatAreNotDistributedDdl(String sql) {
        assertThatThrownBy(() -> OnClusterClause.insert(sql, "c"))
                .isInstanceOf(ClickHouseConfigurationException.class).hasMessageContaining("ON CLUSTER");
    }
}
