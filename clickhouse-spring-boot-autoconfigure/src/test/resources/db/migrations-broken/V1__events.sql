CREATE TABLE events (id UInt64, name String) ENGINE = MergeTree ORDER BY id;
CREATE TABLE page_view (id UInt64, url String) ENGINE = NoSuchEngine;
