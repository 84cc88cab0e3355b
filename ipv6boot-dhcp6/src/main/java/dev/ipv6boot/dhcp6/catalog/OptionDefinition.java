package dev.ipv6boot.dhcp6.catalog;

/**
 * One row of the option catalogue.
 *
 * @param code      the option code (IANA registry, RFC 9915 §24)
 * @param name      the configuration name, as ISC Kea spells it ({@code "client-arch-type"})
 * @param title     the human title used when printing ({@code "Client System Architecture Type"})
 * @param format    the wire format of the option data
 * @param reference the defining document and section ({@code "RFC 5970 §3.3"})
 */
public record OptionDefinition(int code, String name, String title, OptionFormat format, String reference) {
}
