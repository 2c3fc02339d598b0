/**
 * SQL templating with no I/O: {@code ?} placeholders, {@code ?fields}, identifiers and literal escaping for every bound Java type.
 */
package io.chspring.client.sql;
