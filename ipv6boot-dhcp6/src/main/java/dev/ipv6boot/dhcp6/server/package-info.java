/**
 * The DHCPv6 server (RFC 9915 §16-§19): {@link dev.ipv6boot.dhcp6.server.Dhcp6Responder}, a pure function from a
 * received message and its link to a reply (Relay-Reply nesting, discard rules, status codes, IA_NA and IA_PD,
 * Rapid Commit), counters of what was answered and dropped by reason, and the Netty UDP endpoint on port 547.
 */
package dev.ipv6boot.dhcp6.server;
