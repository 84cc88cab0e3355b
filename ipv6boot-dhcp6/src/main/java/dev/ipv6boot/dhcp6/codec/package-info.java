/**
 * The zero-copy DHCPv6 codec: a reusable flyweight read view ({@link dev.ipv6boot.dhcp6.codec.Dhcp6MessageView})
 * and a writer into caller-supplied buffers ({@link dev.ipv6boot.dhcp6.codec.Dhcp6Writer}) for every message of
 * RFC 9915 (which obsoletes RFC 8415 with unchanged numbering), client/server and relay (§8, §9), with the
 * limits, decode errors, message-type registry, re-encoder and printer built on them. Relay agents may send
 * from a port other than 547 (RFC 8357); the codec does not care which port a message came from. Option layouts are in
 * {@link dev.ipv6boot.dhcp6.codec.option}; names and formats come from {@link dev.ipv6boot.dhcp6.catalog}.
 *
 * <p>ByteBuf ownership: nothing in this package retains or releases a buffer it is given; every method
 * borrows, for the duration documented on it, and the caller keeps ownership.
 */
package dev.ipv6boot.dhcp6.codec;
