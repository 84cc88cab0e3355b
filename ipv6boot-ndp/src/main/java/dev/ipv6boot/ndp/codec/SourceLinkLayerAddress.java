package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * Source Link-Layer Address option for Ethernet (RFC 4861 §4.6.1, RFC 2464 §6): 8 bytes, the 48-bit MAC
 * after the two header bytes. Other link types' addresses are read as {@link UnknownOption}.
 */
public record SourceLinkLayerAddress(long mac) implements NdpOption {
    public static final int LENGTH = 8;

    public SourceLinkLayerAddress {
        if ((mac & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("a MAC has 48 bits: " + Long.toHexString(mac));
        }
    }

    /** Parses {@code 02:00:00:00:00:01}. */
    public static SourceLinkLayerAddress parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        long mac = 0;
        for (String part : parts) {
            mac = (mac << 8) | Integer.parseInt(part, 16);
        }
        return new SourceLinkLayerAddress(mac);
    }

    @Override
    public int type() {
        return NdpOptionType.SOURCE_LINK_LAYER_ADDRESS;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type(), LENGTH);
        out.writeShort((int) (mac >>> 32));        // 6 bytes MAC, RFC 2464 §6
        out.writeInt((int) mac);
    }

    @Override
    public String toString() {
        return "SourceLinkLayerAddress[" + format(mac) + "]";
    }

    static String format(long mac) {
        StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            text.append(String.format("%02x", (mac >>> shift) & 0xff));
            if (shift > 0) {
                text.append(':');
            }
        }
        return text.toString();
    }
}
