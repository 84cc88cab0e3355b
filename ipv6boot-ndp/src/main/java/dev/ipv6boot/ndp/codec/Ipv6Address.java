package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv6 address as two longs, so that options holding addresses compare by value and are written without
 * allocating ({@link Inet6Address#getAddress()} copies an array on every call).
 */
public record Ipv6Address(long high, long low) {

    public static Ipv6Address of(Inet6Address address) {
        byte[] b = address.getAddress();
        return new Ipv6Address(longAt(b, 0), longAt(b, 8));
    }

    /** Parses a literal such as {@code 2001:db8::1}; never does a name lookup. */
    public static Ipv6Address parse(String literal) {
        String text = literal.trim();
        if (text.indexOf(':') < 0 || text.length() > 45) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Only hex digits, ':' and '.': then getByName parses a literal and never asks a resolver.
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                throw new IllegalArgumentException("not an IPv6 address: " + literal);
            }
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (address instanceof Inet6Address v6) {
                return of(v6);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + literal, e);
        }
        throw new IllegalArgumentException("not an IPv6 address: " + literal);
    }

    /** Reads 16 bytes at an absolute index, leaving the buffer's indexes alone. */
    public static Ipv6Address read(ByteBuf buf, int index) {
        return new Ipv6Address(buf.getLong(index), buf.getLong(index + 8));
    }

    public void writeTo(ByteBuf out) {
        out.writeLong(high);
        out.writeLong(low);
    }

    /** This address with every bit after the first {@code length} cleared. */
    public Ipv6Address mask(int length) {
        if (length <= 0) {
            return new Ipv6Address(0, 0);
        }
        if (length >= 128) {
            return this;
        }
        if (length <= 64) {
            return new Ipv6Address(length == 64 ? high : high & (-1L << (64 - length)), 0);
        }
        return new Ipv6Address(high, low & (-1L << (128 - length)));
    }

    public boolean isUnspecified() {
        return high == 0 && low == 0;
    }

    public Inet6Address toInet6Address() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        try {
            return (Inet6Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }

    /** RFC 5952 text: lower case, longest run of two or more zero groups as {@code ::}. */
    @Override
    public String toString() {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[4 + i] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static long longAt(byte[] b, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (b[offset + i] & 0xffL);
        }
        return value;
    }
}
