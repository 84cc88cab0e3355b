/**
 * Typed readers and writers of DHCPv6 option data, one option or option family per class, over absolute
 * offsets of a Netty {@code ByteBuf}: readers take {@code (buf, dataOffset[, length])} as indexed by
 * {@link dev.ipv6boot.dhcp6.codec.Dhcp6MessageView} and never change the buffer's indices; writers append
 * at the writer index. Overloads over a {@code byte[]} and an array index (network order through {@link
 * dev.ipv6boot.dhcp6.codec.option.Octets}) serve the view's typed accessors and the writer's staging array.
 * Every field names its layout and RFC section: RFC 9915 (DHCPv6, obsoleting RFC 8415
 * with unchanged numbering), RFC 5970 (boot URL, parameters, architecture, NII), RFC 6939 (client link-layer
 * address), RFC 4704 (FQDN), RFC 3646 (DNS servers, domain list), RFC 4649 (remote ID), RFC 4580 (subscriber
 * ID), RFC 8910 (captive portal). Readers assume the message was validated by {@code wrap}; they only read
 * inside the option. Nothing here retains or releases a buffer.
 */
package dev.ipv6boot.dhcp6.codec.option;
