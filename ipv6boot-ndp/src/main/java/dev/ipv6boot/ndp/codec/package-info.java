/**
 * Neighbor Discovery messages on the wire: Router Advertisements built and read, Router and Neighbor
 * Solicitations read through a flyweight view (RFC 4861 §4, options of RFC 4191, RFC 8106, RFC 8781,
 * RFC 8910, RFC 9762).
 */
package dev.ipv6boot.ndp.codec;
