/**
 * {@code ipv6boot import}: reads the four daemons' files an ipv6boot server replaces (ISC dhcpd -6, radvd, unbound,
 * an Apache virtual host) and writes one ipv6boot configuration, naming with file and line what it cannot
 * translate and the mistakes it notices.
 */
package dev.ipv6boot.examples.importer;
