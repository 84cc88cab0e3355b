/**
 * The forwarder's answer cache: TTL-bounded (RFC 1035 §7.4, RFC 2181 §5.2), with negative caching of
 * NXDOMAIN and NODATA for the SOA's minimum (RFC 2308 §5), bounded in size with least-recently-used eviction.
 */
package dev.ipv6boot.dns.cache;
