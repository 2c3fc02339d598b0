-- Runs at startup (SchemaInitializer), before the Inserter bean reads the table's columns.
-- Works on ClickHouse 18.16 and on current releases (and on the embedded chDB engine).
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
