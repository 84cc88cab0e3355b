package dev.ipv6boot.dhcp6.codec;

import io.netty.buffer.ByteBuf;

/**
 * IPv6 addresses as text in the canonical form of RFC 5952 §4: lower-case hex, leading zeros dropped, the
 * longest run of two or more zero groups (the first of equal runs) shortened to "::", and IPv4-mapped
 * addresses with a dotted quad (§5). Appends to a {@link StringBuilder}; nothing else is allocated.
 */
public final class Ipv6AddressFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ipv6AddressFormat() {
    }

    /** Appends the 16-octet address at absolute index {@code offset} of {@code buf}. */
    public static StringBuilder append(StringBuilder out, ByteBuf buf, int offset) {
        return append(out, buf.getLong(offset), buf.getLong(offset + 8));
    }

    /** Appends the address whose high and low 64 bits are given. */
    public static StringBuilder append(StringBuilder out, long high, long low) {
        // Longest run of zero 16-bit groups, RFC 5952 §4.2.
        int bestStart = -1;
        int bestLength = 1;
        int runStart = -1;
        for (int i = 0; i <= 8; i++) {
            boolean zero = i < 8 && group(high, low, i) == 0;
            if (zero && runStart < 0) {
                runStart = i;
            } else if (!zero && runStart >= 0) {
                if (i - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = i - runStart;
                }
                runStart = -1;
            }
        }
        boolean mapped = high == 0 && (low >>> 32) == 0xffffL;    // ::ffff:a.b.c.d, RFC 5952 §5
        int groups = mapped ? 6 : 8;
        for (int i = 0; i < groups; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            appendGroup(out, group(high, low, i));
        }
        if (mapped) {
            out.append(':');
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.append((low >>> shift) & 0xff);
                if (shift > 0) {
                    out.append('.');
                }
            }
        }
        return out;
    }

    /** The address as a new String (for logs and tests; allocates). */
    public static String toString(long high, long low) {
        return append(new StringBuilder(39), high, low).toString();
    }

    private static int group(long high, long low, int i) {
        long half = i < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xffff;
    }

    private static void appendGroup(StringBuilder out, int group) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int nibble = (group >>> shift) & 0xf;
            if (nibble != 0 || started || shift == 0) {
                out.append(HEX[nibble]);
                started = true;
            }
        }
    }
}
