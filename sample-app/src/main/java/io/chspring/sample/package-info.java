/**
 * The sample service: a page-view entity and its repository, the controllers that take events through the
 * auto-configured {@code Inserter} and answer statistics from repository queries, and the schema it creates at
 * start-up. Sample code that shows the starter in use, not part of the library.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.sample;
