package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * PREF64 option (RFC 8781 §4), 16 bytes: a 13-bit lifetime in units of 8 seconds and a 3-bit prefix length
 * code in one 16-bit field, then the first 96 bits of the NAT64 prefix.
 */
public record Pref64(Ipv6Address prefix, int prefixLength, int lifetimeSeconds) implements NdpOption {
    public static final int LENGTH = 16;
    private static final int[] LENGTH_BY_CODE = {96, 64, 56, 48, 40, 32};

    public Pref64 {
        if (code(prefixLength) < 0) {
            throw new IllegalArgumentException("PREF64 prefix length must be 32, 40, 48, 56, 64 or 96: " + prefixLength);
        }
        if (lifetimeSeconds < 0 || lifetimeSeconds > 8191 * 8 || lifetimeSeconds % 8 != 0) {
            throw new IllegalArgumentException("PREF64 lifetime is a multiple of 8 up to 65528 s: " + lifetimeSeconds);
        }
        prefix = prefix.mask(prefixLength);
    }

    /** The prefix length for a Prefix Length Code, or -1 for the codes RFC 8781 leaves unassigned. */
    static int lengthOfCode(int code) {
        return code >= 0 && code < LENGTH_BY_CODE.length ? LENGTH_BY_CODE[code] : -1;
    }

    static int code(int prefixLength) {
        for (int i = 0; i < LENGTH_BY_CODE.length; i++) {
            if (LENGTH_BY_CODE[i] == prefixLength) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int type() {
        return NdpOptionType.PREF64;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type(), LENGTH);
        out.writeShort(((lifetimeSeconds / 8) << 3) | code(prefixLength));   // scaled lifetime 13 bits, PLC 3 bits
        out.writeLong(prefix.high());
        out.writeInt((int) (prefix.low() >>> 32));                         // bits 64..95 of the prefix
    }
}
