/** Micrometer metrics of the client's requests and of the Inserters; active only with Micrometer. */
@org.jspecify.annotations.NullMarked
package io.chspring.boot.autoconfigure.metrics;
