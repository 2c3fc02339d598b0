/**
 * Micrometer observations of the template's operations and of the client's requests and Inserter batches, when
 * Micrometer's Observation API and an {@code ObservationRegistry} bean are there.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.data.observation;
