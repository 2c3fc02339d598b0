/**
 * Repository configuration: {@link io.chspring.data.repository.config.EnableClickHouseRepositories} and the
 * configuration extension that registers a factory bean per repository interface.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.repository.config;
