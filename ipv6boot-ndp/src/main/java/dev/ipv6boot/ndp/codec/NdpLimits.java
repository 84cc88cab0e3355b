package dev.ipv6boot.ndp.codec;

/**
 * Caps on what a parse may walk. A Neighbor Discovery message is never fragmented in practice (RFC 6980), so
 * the default message cap is the largest ICMPv6 payload of a 9000-byte jumbo link; 8-byte options then give
 * at most 1120 of them, but no real RA has more than a few dozen.
 */
public record NdpLimits(int maxMessageLength, int maxOptions) {
    public static final NdpLimits DEFAULT = new NdpLimits(9000 - 40, 256);

    public NdpLimits {
        if (maxMessageLength < 24 || maxMessageLength > 65535) {
            throw new IllegalArgumentException("maxMessageLength must be 24..65535: " + maxMessageLength);
        }
        if (maxOptions < 1) {
            throw new IllegalArgumentException("maxOptions must be positive: " + maxOptions);
        }
    }
}
