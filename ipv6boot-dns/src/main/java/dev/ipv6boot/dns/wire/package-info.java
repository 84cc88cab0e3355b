/**
 * DNS messages on the wire (RFC 1035 §4, EDNS(0) RFC 6891): a zero-copy view of queries, an index of
 * responses for replay to many clients, and the writer of responses with truncation for clients without
 * EDNS. Netty {@code ByteBuf}s in, no per-packet allocation on the answering path.
 */
package dev.ipv6boot.dns.wire;
