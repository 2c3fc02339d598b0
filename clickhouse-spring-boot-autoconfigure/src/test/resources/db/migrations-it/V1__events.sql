-- the Inserter<Event> bean reads these columns when it is created: this must run first
CREATE TABLE events (id UInt64, name String) ENGINE = MergeTree ORDER BY id;
