package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Elapsed Time (option 8, RFC 9915 §21.9): 2 octets, hundredths of a second since the exchange began. */
public final class ElapsedTime {
    public static final int LENGTH = 2;
    /** 0xffff: the exchange has lasted 655.35 s or longer (RFC 9915 §21.9). */
    public static final int SATURATED = 0xffff;

    private ElapsedTime() {
    }

    /** 2 octets elapsed-time in 1/100 s, RFC 9915 §21.9. */
    public static int centiseconds(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset);
    }

    /** 2 octets elapsed-time in 1/100 s, RFC 9915 §21.9, at index {@code i} of {@code a}. */
    public static int centiseconds(byte[] a, int i) {
        return Octets.u16(a, i);
    }
}
