/**
 * The DHCPv6 option policy: client classes written in ISC Kea's classification language (Kea ARM
 * "Client Classification"), compiled once into allocation-free predicates over
 * {@link dev.ipv6boot.dhcp6.codec.Dhcp6MessageView}; ordered first-match rules that choose options per subnet
 * or globally; and the firmware quirks of RFC 5970 network boot (EDK2 PXE, UEFI HTTP Boot, iPXE) applied
 * whatever the configuration says. Entry points: {@link dev.ipv6boot.dhcp6.policy.Dhcp6Policy#builder()} and
 * {@link dev.ipv6boot.dhcp6.policy.PolicyText#parse(String)}.
 */
package dev.ipv6boot.dhcp6.policy;
