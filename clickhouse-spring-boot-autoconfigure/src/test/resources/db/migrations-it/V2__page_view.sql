CREATE TABLE page_view (id UInt64, url String) ENGINE = MergeTree ORDER BY id;
INSERT INTO page_view VALUES (1, '/${start_page}');
