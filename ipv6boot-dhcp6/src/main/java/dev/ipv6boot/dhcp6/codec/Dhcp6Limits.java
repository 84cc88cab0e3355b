package dev.ipv6boot.dhcp6.codec;

/**
 * Bounds on everything in a DHCPv6 message that can loop or recurse, checked while decoding.
 *
 * @param maxMessageSize        the longest message accepted, in octets (the whole UDP payload)
 * @param maxOptions            the most options one message may carry, nested ones included (options of a
 *                              relayed message count against that message, not its relay)
 * @param maxEncapsulationDepth how deep options may nest inside options; top-level options are depth 1,
 *                              an IA Address in an IA_NA depth 2, its Status Code depth 3
 * @param maxRelayHops          how many Relay-Forward/Relay-Reply headers may enclose the client message
 * @param maxDuidLength         the longest DUID accepted, type code included
 */
public record Dhcp6Limits(int maxMessageSize, int maxOptions, int maxEncapsulationDepth, int maxRelayHops,
                          int maxDuidLength) {

    /**
     * Defaults from the RFCs: the largest UDP payload IPv6 carries without jumbograms (65535 − 8 octets);
     * 256 options (a real client sends about ten, and each option costs at least 4 octets); nesting depth 4
     * (the deepest real nesting is 3: IA_PD, IA Prefix, Prefix Exclude); 32 relays (HOP_COUNT_LIMIT, RFC 9915
     * §7.6, so a 33rd enclosing relay header is an error); DUIDs of 130 octets (RFC 9915 §11.1: at most 128
     * octets not counting the 2-octet type; longer ones crashed Kea, CVE-2019-6472).
     */
    public static final Dhcp6Limits DEFAULT = new Dhcp6Limits(65_527, 256, 4, 32, 130);

    public Dhcp6Limits {
        if (maxMessageSize < 4 || maxMessageSize > 65_535) {
            throw new IllegalArgumentException("maxMessageSize must be in [4, 65535]: " + maxMessageSize);
        }
        if (maxOptions < 1 || maxOptions > 16_384) {
            throw new IllegalArgumentException("maxOptions must be in [1, 16384]: " + maxOptions);
        }
        if (maxEncapsulationDepth < 1 || maxEncapsulationDepth > 64) {
            throw new IllegalArgumentException("maxEncapsulationDepth must be in [1, 64]: " + maxEncapsulationDepth);
        }
        if (maxRelayHops < 0 || maxRelayHops > 255) {
            throw new IllegalArgumentException("maxRelayHops must be in [0, 255]: " + maxRelayHops);
        }
        if (maxDuidLength < 3 || maxDuidLength > 65_535) {
            throw new IllegalArgumentException("maxDuidLength must be in [3, 65535]: " + maxDuidLength);
        }
    }
}
