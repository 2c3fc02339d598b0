/**
 * The {@link io.chspring.boot.test.ClickHouseTest @ClickHouseTest} test slice: a Spring test context with only the
 * ClickHouse auto-configurations (client, template, repositories, Inserter beans) and no other component of the
 * application, like Spring Boot's {@code @DataJdbcTest}.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.test;
