/**
 * The transport interface between the client and an engine, and its HTTP implementation on Apache HttpClient 5. The only package that touches the network.
 */
@org.jspecify.annotations.NullMarked
package io.chspring.client.transport;
