/** The {@code clickhouse} health indicator and its auto-configuration; active only with spring-boot-health. */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.health;
