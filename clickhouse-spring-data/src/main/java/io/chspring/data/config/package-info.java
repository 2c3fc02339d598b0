/**
 * Configuration annotations beyond repositories: {@link io.chspring.data.config.EnableClickHouseAuditing} fills
 * {@code @CreatedDate}/{@code @CreatedBy} (and the last-modified ones) of inserted entities.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.config;
