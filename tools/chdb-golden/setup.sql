-- Tables for the cases that need a table column (Nested, SimpleAggregateFunction). Statements end with ';'.
CREATE TABLE golden_nested (id UInt8, n Nested(a UInt32, b String)) ENGINE = Memory;
INSERT INTO golden_nested VALUES (1, [1, 2], ['x', 'y']);
CREATE TABLE golden_nested_unflattened (id UInt8, n Nested(a UInt32, b String)) ENGINE = Memory SETTINGS flatten_nested = 0;
INSERT INTO golden_nested_unflattened VALUES (1, [(1, 'x'), (2, 'y')]);
CREATE TABLE golden_saf (k UInt8, s SimpleAggregateFunction(sum, UInt64), l SimpleAggregateFunction(anyLast, Nullable(String))) ENGINE = Memory;
INSERT INTO golden_saf VALUES (1, 42, 'x'), (2, 7, NULL);
