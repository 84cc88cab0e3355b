package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Preference (option 7, RFC 9915 §21.8): one octet; 255 makes a client take this Advertise at once instead of
 * waiting for others (EDK2 otherwise waits about 5 s).
 */
public final class Preference {
    public static final int LENGTH = 1;
    public static final int MAXIMUM = 255;

    private Preference() {
    }

    /** 1 octet pref-value, RFC 9915 §21.8. */
    public static int value(ByteBuf buf, int offset) {
        return buf.getUnsignedByte(offset);
    }

    /** 1 octet pref-value, RFC 9915 §21.8, at index {@code i} of {@code a}. */
    public static int value(byte[] a, int i) {
        return Octets.u8(a, i);
    }
}
