package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * IA Address (option 5, RFC 9915 §21.6), inside IA_NA or IA_TA: address, preferred and valid lifetimes,
 * then IAaddr options (Status Code) from offset {@link #SUBOPTIONS_OFFSET}.
 */
public final class IaAddress {
    /** 16 octets IPv6 address, 4 octets preferred-lifetime, 4 octets valid-lifetime (RFC 9915 §21.6). */
    public static final int FIXED_LENGTH = 24;
    public static final int SUBOPTIONS_OFFSET = 24;

    private IaAddress() {
    }

    /** High 64 bits of the 16-octet address, RFC 9915 §21.6. */
    public static long addressHigh(ByteBuf buf, int offset) {
        return buf.getLong(offset);
    }

    /** Low 64 bits of the 16-octet address, RFC 9915 §21.6. */
    public static long addressLow(ByteBuf buf, int offset) {
        return buf.getLong(offset + 8);
    }

    /** 4 octets preferred-lifetime in seconds, RFC 9915 §21.6. */
    public static long preferredLifetime(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 16);
    }

    /** 4 octets valid-lifetime in seconds, RFC 9915 §21.6. */
    public static long validLifetime(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 20);
    }

    /** Writes address and lifetimes; IAaddr options may follow. */
    public static void writeFixed(ByteBuf out, long addressHigh, long addressLow, long preferred, long valid) {
        out.writeLong(addressHigh);                // 16 octets IPv6-address, RFC 9915 §21.6
        out.writeLong(addressLow);
        out.writeInt((int) preferred);             // 4 octets preferred-lifetime
        out.writeInt((int) valid);                 // 4 octets valid-lifetime
    }

    /** {@link #writeFixed(ByteBuf, long, long, long, long)} into {@code a} at index {@code i}: 24 octets. */
    public static void writeFixed(byte[] a, int i, long addressHigh, long addressLow, long preferred, long valid) {
        Octets.put64(a, i, addressHigh);           // 16 octets IPv6-address, RFC 9915 §21.6
        Octets.put64(a, i + 8, addressLow);
        Octets.put32(a, i + 16, (int) preferred);  // 4 octets preferred-lifetime
        Octets.put32(a, i + 20, (int) valid);      // 4 octets valid-lifetime
    }
}
