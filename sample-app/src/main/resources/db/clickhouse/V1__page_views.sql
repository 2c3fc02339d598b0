-- A migration (clickhouse-migrations): runs once at startup, before the Inserter bean reads the table's columns,
-- and is recorded in chspring_migrations. Works on ClickHouse 18.16, on current releases and on the embedded engine.
-- IF NOT EXISTS: development data directories made before migrations already have the table.
CREATE TABLE IF NOT EXISTS page_views
(
    id          UUID,
    ts          DateTime,
    path        String,
    user_id     String,
    referrer    String,
    duration_ms UInt32
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (path, ts)
