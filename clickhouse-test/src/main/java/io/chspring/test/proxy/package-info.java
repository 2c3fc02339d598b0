/**
 * {@link io.chspring.test.proxy.FaultInjectingProxy}: a TCP proxy on a loopback port that breaks the connections
 * between a client and a server in chosen ways (reset, stall, drip, cut, lost response), to prove that a client
 * fails clearly and in time, and loses or doubles nothing, when the network does not behave.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.test.proxy;
