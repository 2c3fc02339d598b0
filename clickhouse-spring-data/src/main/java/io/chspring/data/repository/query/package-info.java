/**
 * Repository query methods: derived queries from method names ({@code PartTree} to SQL, refusing at start-up what
 * ClickHouse cannot do) and {@code @Query} methods, both executed through {@code ClickHouseOperations}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.repository.query;
