/**
 * The ClickHouse data type tree and the parser of type strings such as {@code Array(Nullable(String))}. No I/O.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.type;
