/**
 * Network names used in boot scripts: {@link dev.ipv6boot.preseed.net.MacAddress} (the machine identity,
 * DESIGN.md) and {@link dev.ipv6boot.preseed.net.BootUrl}, which brackets IPv6 literals (RFC 3986 §3.2.2,
 * zone identifiers per RFC 6874) and percent-encodes paths while keeping iPXE {@code ${setting}} expansions.
 */
package dev.ipv6boot.preseed.net;
