package dev.ipv6boot.dhcp6.lease;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;

/**
 * Who a message comes from, by the identity rule of DESIGN.md: firmware, iPXE and the installer use other DUIDs
 * for one machine, so the MAC is the identity; the DUID only when no MAC can be found. In order:
 * <ol>
 *   <li>Client Link-Layer Address (79, RFC 6939 §4) added by the relay closest to the client, Ethernet only;</li>
 *   <li>the MAC in a DUID-LL or DUID-LLT Client Identifier (RFC 9915 §11.2, §11.4);</li>
 *   <li>the MAC an EUI-64 link-local source address carries (RFC 4291 Appendix A): the packet's source for a
 *       direct client, the peer-address of the relay closest to the client otherwise;</li>
 *   <li>a keyed hash of the DUID.</li>
 * </ol>
 * Results are packed in a {@code long}: {@link #KIND_MAC} or {@link #KIND_DUID} in the top byte, the 48-bit MAC
 * or 56 bits of the DUID hash below, so nothing is allocated.
 */
public final class MachineIdentity {

    public static final int KIND_MAC = 1;
    public static final int KIND_DUID = 2;
    private static final long MASK_56 = (1L << 56) - 1;

    private MachineIdentity() {
    }

    /**
     * The identity of the client of {@code received}, or -1 when it has neither a MAC nor a Client Identifier.
     *
     * @param sourceHigh,sourceLow the IPv6 source of the datagram (used only for a direct client)
     * @param duidKey               the key of the DUID hash (any fixed value; replicas must share it)
     */
    public static long of(Dhcp6MessageView received, long sourceHigh, long sourceLow, long duidKey) {
        Dhcp6MessageView client = received.innermost();
        long mac = -1;
        Dhcp6MessageView nearest = null;
        if (received.isRelay()) {
            for (Dhcp6MessageView v = received; v != null && v.isRelay(); v = v.relayMessage()) {
                nearest = v;
            }
            if (nearest.clientLinkLayerType() == 1) {
                mac = nearest.clientLinkLayerAddress();
            }
        }
        if (mac < 0) {
            mac = client.clientDuidEthernetAddress();
        }
        if (mac < 0) {
            mac = nearest != null ? macOfEui64(nearest.peerAddressHigh(), nearest.peerAddressLow())
                    : macOfEui64(sourceHigh, sourceLow);
        }
        if (mac >= 0) {
            return ((long) KIND_MAC << 56) | mac;
        }
        int i = client.clientIdIndex();
        if (i < 0) {
            return -1;
        }
        long hash = SipHash.hash(duidKey, duidKey ^ 0x6475696464756964L, client.buffer(), client.optionOffset(i),
                client.optionLength(i));
        return ((long) KIND_DUID << 56) | (hash & MASK_56);
    }

    /**
     * The MAC inside a link-local EUI-64 address (fe80::/64 with ff:fe in the middle of the interface
     * identifier, the universal/local bit inverted, RFC 4291 Appendix A), or -1.
     */
    public static long macOfEui64(long high, long low) {
        if (high != 0xfe80_0000_0000_0000L || ((low >>> 24) & 0xffff) != 0xfffe) {
            return -1;
        }
        long upper = (low >>> 40) ^ 0x02_0000L;                  // 3 octets OUI, U/L bit flipped back
        long lower = low & 0xff_ffffL;                            // 3 octets NIC-specific
        return (upper << 24) | lower;
    }

    /** The kind of a packed identity. */
    public static int kind(long identity) {
        return (int) (identity >>> 56);
    }

    /** Text for logs: {@code mac 52:54:00:12:34:56} or {@code duid#1a2b...}. */
    public static String toString(long identity) {
        if (identity < 0) {
            return "none";
        }
        if (kind(identity) == KIND_MAC) {
            StringBuilder out = new StringBuilder("mac ");
            for (int shift = 40; shift >= 0; shift -= 8) {
                out.append(String.format("%02x", (identity >>> shift) & 0xff)).append(shift > 0 ? ":" : "");
            }
            return out.toString();
        }
        return String.format("duid#%014x", identity & MASK_56);
    }

}
