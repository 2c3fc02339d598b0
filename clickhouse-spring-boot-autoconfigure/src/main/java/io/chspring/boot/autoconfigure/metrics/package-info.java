/** Micrometer metrics of the client's requests and of the Inserters; active only with Micrometer. */
package io.chspring.boot.autoconfigure.metrics;
