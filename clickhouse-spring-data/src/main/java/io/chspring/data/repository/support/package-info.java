/**
 * Repository implementation and creation: {@link io.chspring.data.repository.support.SimpleClickHouseRepository}
 * (the CRUD, paging and sorting methods) and the factory and factory bean that create repository proxies.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.repository.support;
