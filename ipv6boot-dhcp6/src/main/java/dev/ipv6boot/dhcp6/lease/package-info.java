/**
 * Leases: machine identity by MAC (RFC 6939 option 79, DUID-LL/LLT of RFC 9915 §11, EUI-64 of the link-local
 * source, RFC 4291 App. A) with DUID fallback; deterministic keyed-hash address and prefix choice, so replicas
 * answer alike; the {@link dev.ipv6boot.dhcp6.lease.LeaseStore} SPI, an allocation-free in-memory table and a
 * crash-safe append-only journal with batched fsync on its own thread.
 */
package dev.ipv6boot.dhcp6.lease;
