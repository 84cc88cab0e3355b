/**
 * DHCPv6 (RFC 9915) for network boot: codec, option catalogue, policy and server.
 */
package dev.ipv6boot.dhcp6;
