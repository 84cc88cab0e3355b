/**
 * DNS forwarder for the boot network: not yet implemented, see the module README.
 */
package dev.ipv6boot.dns;
