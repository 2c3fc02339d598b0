/**
 * Micrometer Observation of the template's operations (and so the repositories'): one observation per query,
 * statement and insert, named and tagged by a replaceable {@link io.chspring.data.observation.ClickHouseObservationConvention}.
 * Needs {@code io.micrometer:micrometer-observation} (optional).
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.observation;
