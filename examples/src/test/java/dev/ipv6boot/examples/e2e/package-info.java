/**
 * End-to-end tests in network namespaces: {@code ipv6boot serve} as a child JVM in one namespace, real clients
 * (the kernel taking the RA, dhclient, curl, dig, dhcrelay) in others.
 */
package dev.ipv6boot.examples.e2e;
