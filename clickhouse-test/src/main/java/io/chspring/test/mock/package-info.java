/**
 * {@link io.chspring.test.mock.MockClickHouseServer}: an in-process HTTP server that answers the chspring client from
 * a queue of {@link io.chspring.test.mock.Handlers handlers} (rows to return, inserts to record, failures to raise),
 * encoding and decoding rows with the client's own codecs, and fails the test when handlers and requests do not
 * match up.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.test.mock;
