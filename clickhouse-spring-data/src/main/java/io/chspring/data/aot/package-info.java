/**
 * Ahead-of-time support: runtime hints for what the template reaches reflectively (entity constructors, fields and
 * accessors unreflected into method handles; the conversion and map handles of custom conversions and projections),
 * for AOT-processed applications and native images.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.data.aot;
