/**
 * Router Advertisements and Router Solicitations (RFC 4861, RFC 4191, RFC 8106): not yet implemented, see the module README.
 */
package dev.ipv6boot.ndp;
