/**
 * Custom conversions: an application's value types (a money type, a wrapped id) to and from the column values the
 * client's codecs know, applied by the template, the repositories and the Inserters it builds.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.convert;
