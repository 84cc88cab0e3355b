package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * IA Prefix (option 26, RFC 9915 §21.22), inside IA_PD: preferred and valid lifetimes, prefix length,
 * prefix, then IAprefix options from offset {@link #SUBOPTIONS_OFFSET}.
 */
public final class IaPrefix {
    /** 4 octets preferred, 4 octets valid, 1 octet prefix-length, 16 octets prefix (RFC 9915 §21.22). */
    public static final int FIXED_LENGTH = 25;
    public static final int SUBOPTIONS_OFFSET = 25;

    private IaPrefix() {
    }

    /** 4 octets preferred-lifetime in seconds, RFC 9915 §21.22. */
    public static long preferredLifetime(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }

    /** 4 octets valid-lifetime in seconds, RFC 9915 §21.22. */
    public static long validLifetime(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 4);
    }

    /** 1 octet prefix-length in bits, RFC 9915 §21.22. */
    public static int prefixLength(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset + 8);
    }

    /** High 64 bits of the 16-octet IPv6 prefix, RFC 9915 §21.22. */
    public static long prefixHigh(ByteBuf buf, int offset) {
        return buf.getLong(offset + 9);
    }

    /** Low 64 bits of the 16-octet IPv6 prefix, RFC 9915 §21.22. */
    public static long prefixLow(ByteBuf buf, int offset) {
        return buf.getLong(offset + 17);
    }

    /** Writes lifetimes, prefix length and prefix; IAprefix options may follow. */
    public static void writeFixed(ByteBuf out, long preferred, long valid, int prefixLength, long high, long low) {
        out.writeInt((int) preferred);             // 4 octets preferred-lifetime, RFC 9915 §21.22
        out.writeInt((int) valid);                 // 4 octets valid-lifetime
        out.writeByte(prefixLength);               // 1 octet prefix-length
        out.writeLong(high);                       // 16 octets IPv6-prefix
        out.writeLong(low);
    }

    /** {@link #writeFixed(ByteBuf, long, long, int, long, long)} into {@code a} at index {@code i}: 25 octets. */
    public static void writeFixed(byte[] a, int i, long preferred, long valid, int prefixLength, long high, long low) {
        Octets.put32(a, i, (int) preferred);       // 4 octets preferred-lifetime, RFC 9915 §21.22
        Octets.put32(a, i + 4, (int) valid);       // 4 octets valid-lifetime
        a[i + 8] = (byte) prefixLength;            // 1 octet prefix-length
        Octets.put64(a, i + 9, high);              // 16 octets IPv6-prefix
        Octets.put64(a, i + 17, low);
    }
}
