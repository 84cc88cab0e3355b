/**
 * iPXE scripts as a typed model ({@link dev.ipv6boot.preseed.ipxe.IpxeScript}, built line by line from
 * {@link dev.ipv6boot.preseed.ipxe.IpxeCommand}s) with a parser that checks every line of an existing script
 * against iPXE's command reference (https://ipxe.org/cmd): known command, known options, argument count,
 * {@code ${setting}} syntax, {@code goto} targets, and the IPv6 and UEFI pitfalls of boot lines.
 */
package dev.ipv6boot.preseed.ipxe;
