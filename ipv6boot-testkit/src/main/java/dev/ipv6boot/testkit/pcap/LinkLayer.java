package dev.ipv6boot.testkit.pcap;

import java.util.Optional;

/** Where the IPv6 header starts for each link type a capture may use (tcpdump.org/linktypes.html). */
final class LinkLayer {
    static final int NULL = 0;          // BSD loopback: 4-byte host-order address family
    static final int ETHERNET = 1;
    static final int RAW = 101;         // raw IPv4 or IPv6, version nibble tells
    static final int LINUX_SLL = 113;   // Linux cooked v1, 16-byte header
    static final int IPV6 = 229;        // raw IPv6
    static final int LINUX_SLL2 = 276;  // Linux cooked v2, 20-byte header

    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;

    private LinkLayer() {
    }

    static Optional<Integer> ipv6Offset(int linkType, byte[] d) {
        switch (linkType) {
            case ETHERNET: {
                int offset = 12;
                while (offset + 2 <= d.length) {
                    int type = u16(d, offset);
                    if (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                        offset += 4; // skip tag control information, read the inner ethertype
                        continue;
                    }
                    return type == ETHERTYPE_IPV6 ? Optional.of(offset + 2) : Optional.empty();
                }
                return Optional.empty();
            }
            case LINUX_SLL:
                return d.length >= 16 && u16(d, 14) == ETHERTYPE_IPV6 ? Optional.of(16) : Optional.empty();
            case LINUX_SLL2:
                return d.length >= 20 && u16(d, 0) == ETHERTYPE_IPV6 ? Optional.of(20) : Optional.empty();
            case RAW:
            case IPV6:
                return d.length >= 1 && (d[0] & 0xf0) == 0x60 ? Optional.of(0) : Optional.empty();
            case NULL: {
                if (d.length < 4) {
                    return Optional.empty();
                }
                // AF_INET6 is 10 on Linux, 24/28/30 on the BSDs and macOS; either byte order.
                int family = Math.max(d[0] & 0xff, d[3] & 0xff);
                return family == 10 || family == 24 || family == 28 || family == 30 ? Optional.of(4) : Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    static int u16(byte[] d, int offset) {
        return (d[offset] & 0xff) << 8 | d[offset + 1] & 0xff;
    }
}
