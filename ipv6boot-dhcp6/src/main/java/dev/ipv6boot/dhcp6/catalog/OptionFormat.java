package dev.ipv6boot.dhcp6.catalog;

/**
 * The wire format of an option's data, which decides how it is validated, printed, re-encoded and (later)
 * configured. Lengths are of the option data, without the 4-byte code and length header (RFC 9915 §21.1).
 */
public enum OptionFormat {
    /** No data at all (Rapid Commit, Reconfigure Accept). */
    EMPTY(0, 0, 0, -1),
    /** One unsigned octet. */
    UINT8(1, 1, 0, -1),
    /** One unsigned 16-bit integer, network order. */
    UINT16(2, 2, 0, -1),
    /** One unsigned 32-bit integer, network order. */
    UINT32(4, 4, 0, -1),
    /** A 16-bit time in hundredths of a second (Elapsed Time, RFC 9915 §21.9). */
    CENTISECONDS16(2, 2, 0, -1),
    /** A 32-bit time in seconds, 0xffffffff meaning infinity (RFC 9915 §7.7). */
    SECONDS32(4, 4, 0, -1),
    /** A one-octet DHCPv6 message type (Reconfigure Message, RFC 9915 §21.19). */
    MESSAGE_TYPE(1, 1, 0, -1),
    /** One 16-octet IPv6 address. */
    IPV6_ADDRESS(16, 16, 0, -1),
    /** Zero or more 16-octet IPv6 addresses. */
    IPV6_ADDRESS_LIST(0, -1, 16, -1),
    /** Zero or more 16-bit option codes (Option Request, RFC 9915 §21.7). */
    OPTION_CODE_LIST(0, -1, 2, -1),
    /** Zero or more 16-bit processor architecture types (RFC 5970 §3.3). */
    ARCH_TYPE_LIST(2, -1, 2, -1),
    /** A DHCP Unique Identifier (RFC 9915 §11): 2-octet type, then at most 128 octets. */
    DUID(3, -1, 0, -1),
    /** IA_NA: IAID, T1, T2, then options (RFC 9915 §21.4). */
    IA_NA(12, -1, 0, 12),
    /** IA_TA: IAID, then options (RFC 9915 §21.5). */
    IA_TA(4, -1, 0, 4),
    /** IA_PD: IAID, T1, T2, then options (RFC 9915 §21.21). */
    IA_PD(12, -1, 0, 12),
    /** IA Address: address, preferred and valid lifetimes, then options (RFC 9915 §21.6). */
    IA_ADDRESS(24, -1, 0, 24),
    /** IA Prefix: preferred and valid lifetimes, prefix length, prefix, then options (RFC 9915 §21.22). */
    IA_PREFIX(25, -1, 0, 25),
    /** Status code and UTF-8 message (RFC 9915 §21.13). */
    STATUS_CODE(2, -1, 0, -1),
    /** A whole DHCPv6 message, relayed (RFC 9915 §21.10). */
    RELAY_MESSAGE(0, -1, 0, -1),
    /** Authentication: protocol, algorithm, RDM, replay detection, opaque information (RFC 9915 §21.11). */
    AUTHENTICATION(11, -1, 0, -1),
    /** A list of 2-octet-length-prefixed opaque items (User Class, RFC 9915 §21.15). */
    USER_CLASS(0, -1, 0, -1),
    /** Enterprise number, then length-prefixed items (Vendor Class, RFC 9915 §21.16). */
    VENDOR_CLASS(4, -1, 0, -1),
    /** Enterprise number, then vendor sub-options in option layout (Vendor Options, RFC 9915 §21.17). */
    VENDOR_OPTIONS(4, -1, 0, 4),
    /** Enterprise number, then an opaque identifier (Remote-ID, RFC 4649 §3). */
    ENTERPRISE_OPAQUE(4, -1, 0, -1),
    /** Opaque octets, printed in hex. */
    OPAQUE(0, -1, 0, -1),
    /** Text (a URL, a URI, a time zone), printed as text. */
    STRING(0, -1, 0, -1),
    /** A list of uncompressed DNS names (RFC 3646 §4, RFC 1035 §3.1). */
    DOMAIN_LIST(0, -1, 0, -1),
    /** Flags, then a possibly partial DNS name (Client FQDN, RFC 4704 §4). */
    FQDN(1, -1, 0, -1),
    /** Length-prefixed boot file parameters (RFC 5970 §3.2). */
    BOOT_PARAMETERS(0, -1, 0, -1),
    /** Network Interface Identifier: type, major, minor (RFC 5970 §3.4). */
    NII(3, 3, 0, -1),
    /** Link-layer type, then the link-layer address (RFC 6939 §4). */
    LINK_LAYER_ADDRESS(2, -1, 0, -1);

    private final int minimumLength;
    private final int fixedLength;
    private final int elementSize;
    private final int suboptionsOffset;

    OptionFormat(int minimumLength, int fixedLength, int elementSize, int suboptionsOffset) {
        this.minimumLength = minimumLength;
        this.fixedLength = fixedLength;
        this.elementSize = elementSize;
        this.suboptionsOffset = suboptionsOffset;
    }

    /** The shortest valid option data. */
    public int minimumLength() {
        return minimumLength;
    }

    /** The only valid data length, or -1 when the length varies. */
    public int fixedLength() {
        return fixedLength;
    }

    /** For lists of fixed-size elements, the element size (the data length must be a multiple); else 0. */
    public int elementSize() {
        return elementSize;
    }

    /** Where encapsulated options begin within the data, or -1 when this format carries none. */
    public int suboptionsOffset() {
        return suboptionsOffset;
    }

    /** Whether the data ends in a region of options (IA_NA, IA_PD, IA Address, Vendor Options...). */
    public boolean encapsulates() {
        return suboptionsOffset >= 0;
    }
}
