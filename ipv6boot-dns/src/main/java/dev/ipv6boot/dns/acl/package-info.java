/**
 * Access control for the forwarder, with the semantics of unbound's {@code access-control} (most specific
 * prefix wins; allow, allow_snoop, refuse, deny), deny by default except loopback.
 */
package dev.ipv6boot.dns.acl;
