/**
 * The boot network's DNS forwarder, {@link dev.ipv6boot.dns.DnsForwarder}: UDP and TCP listeners on Netty
 * (RFC 1035 §4.2, RFC 7766), unbound-style access control, forwarding with RFC 5452 hardening and failover,
 * a TTL cache with negative caching (RFC 2308), local records and DNS64 (RFC 6147). dnsjava builds and parses
 * messages off the hot path only.
 */
package dev.ipv6boot.dns;
