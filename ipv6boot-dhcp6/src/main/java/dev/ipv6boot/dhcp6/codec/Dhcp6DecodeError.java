package dev.ipv6boot.dhcp6.codec;

/**
 * Why {@link Dhcp6MessageView#wrap} rejected a message. Each reason is a separate drop counter for a server;
 * {@link Dhcp6MessageView#errorOffset()} says where, relative to the start of the outermost message.
 */
public enum Dhcp6DecodeError {
    NONE("no error"),
    TRUNCATED_HEADER("message shorter than its fixed header (4 octets, or 34 for a relay message, RFC 9915 §8, §9)"),
    MESSAGE_TOO_LONG("message longer than the configured maximum size"),
    TRAILING_BYTES("1 to 3 octets after the last option of a message or option: a truncated option header or garbage"),
    OPTION_OVERRUNS_MESSAGE("option length runs past the end of the message"),
    SUBOPTION_OVERRUNS_OPTION("encapsulated option length runs past the end of its enclosing option"),
    TOO_MANY_OPTIONS("more options than the configured maximum"),
    ENCAPSULATION_TOO_DEEP("options nested deeper than the configured maximum"),
    RELAY_TOO_DEEP("more nested relay messages than the hop limit (HOP_COUNT_LIMIT 32, RFC 9915 §7.6)"),
    RELAY_MESSAGE_MISSING("relay message without a Relay Message option (RFC 9915 §9)"),
    RELAY_MESSAGE_DUPLICATE("relay message with more than one Relay Message option (RFC 9915 §9)"),
    DUID_TOO_SHORT("DUID shorter than its type requires (RFC 9915 §11)"),
    DUID_TOO_LONG("DUID longer than 128 octets after its type code (RFC 9915 §11.1)"),
    IA_NA_TOO_SHORT("IA_NA shorter than its 12-octet IAID, T1 and T2 (RFC 9915 §21.4)"),
    IA_TA_TOO_SHORT("IA_TA shorter than its 4-octet IAID (RFC 9915 §21.5)"),
    IA_PD_TOO_SHORT("IA_PD shorter than its 12-octet IAID, T1 and T2 (RFC 9915 §21.21)"),
    IA_ADDRESS_TOO_SHORT("IA Address shorter than its 24-octet address and lifetimes (RFC 9915 §21.6)"),
    IA_PREFIX_TOO_SHORT("IA Prefix shorter than its 25-octet lifetimes, length and prefix (RFC 9915 §21.22)"),
    STATUS_CODE_TOO_SHORT("Status Code shorter than its 2-octet code (RFC 9915 §21.13)"),
    VENDOR_OPTION_TOO_SHORT("Vendor Class, Vendor Options or Remote-ID shorter than its 4-octet enterprise number"),
    OPTION_LENGTH_INVALID("option length not allowed by its format (fixed size, or a list of fixed-size elements)"),
    ITEM_OVERRUNS_OPTION("length-prefixed item runs past the end of its option (RFC 9915 §21.15, §21.16; RFC 5970 §3.2)"),
    DOMAIN_NAME_INVALID("malformed DNS name: label past the option, compressed, unterminated or over 255 octets (RFC 1035 §3.1)");

    private final String description;

    Dhcp6DecodeError(String description) {
        this.description = description;
    }

    /** A sentence for humans (logs, the {@code decode} command). */
    public String description() {
        return description;
    }
}
