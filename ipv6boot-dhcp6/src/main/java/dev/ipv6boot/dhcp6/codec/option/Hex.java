package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Hex rendering of opaque option data for printing, without intermediate strings. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static char digit(int nibble) {
        return DIGITS[nibble & 0xf];
    }

    /** Appends the octets as lower-case hex, {@code separator} between octets when it is not 0. */
    public static void append(StringBuilder out, ByteBuf buf, int offset, int length, char separator) {
        for (int i = 0; i < length; i++) {
            if (i > 0 && separator != 0) {
                out.append(separator);
            }
            int b = buf.getUnsignedByte(offset + i);
            out.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xf]);
        }
    }

    /** Appends {@code value} as {@code digits} lower-case hex digits. */
    public static void append(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(DIGITS[(int) (value >>> shift) & 0xf]);
        }
    }
}
