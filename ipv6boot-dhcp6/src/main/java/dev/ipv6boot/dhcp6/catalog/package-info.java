/**
 * The data-driven DHCPv6 option catalogue: one row per option (code, configuration name, title, wire format,
 * defining RFC) that drives validation, pretty-printing and, later, configuration. Codes follow the IANA
 * "Option Codes" registry of RFC 9915 §24 (RFC 9915 obsoletes RFC 8415 with unchanged numbering), RFC 5970
 * (network boot), RFC 6939 (client link-layer address), RFC 4704 (FQDN), RFC 3646 (DNS), RFC 4580 (subscriber
 * ID), RFC 4649 (remote ID), RFC 8910 (captive portal), RFC 8357 (relay source port), RFC 6355 (DUID-UUID), and RFC 4578 / IANA processor architecture types.
 * Adding an option is one row in {@link dev.ipv6boot.dhcp6.catalog.OptionCatalog}.
 */
package dev.ipv6boot.dhcp6.catalog;
