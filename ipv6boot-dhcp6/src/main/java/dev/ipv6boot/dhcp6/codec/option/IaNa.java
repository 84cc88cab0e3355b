package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Identity Association for Non-temporary Addresses (option 3, RFC 9915 §21.4): IAID, T1, T2, then IA_NA
 * options (IA Address, Status Code) from offset {@link #SUBOPTIONS_OFFSET}. Also the layout of IA_PD
 * (option 25, §21.21), see {@link IaPd}.
 */
public final class IaNa {
    /** 4 octets IAID, 4 octets T1, 4 octets T2 (RFC 9915 §21.4). */
    public static final int FIXED_LENGTH = 12;
    public static final int SUBOPTIONS_OFFSET = 12;

    private IaNa() {
    }

    /** 4 octets IAID, RFC 9915 §21.4. */
    public static long iaid(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }

    /** 4 octets T1 in seconds (0xffffffff infinity), RFC 9915 §21.4. */
    public static long t1(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 4);
    }

    /** 4 octets T2 in seconds, RFC 9915 §21.4. */
    public static long t2(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset + 8);
    }

    /** Writes IAID, T1 and T2; the IA_NA options follow. */
    public static void writeFixed(ByteBuf out, long iaid, long t1, long t2) {
        out.writeInt((int) iaid);                  // 4 octets IAID, RFC 9915 §21.4
        out.writeInt((int) t1);                    // 4 octets T1
        out.writeInt((int) t2);                    // 4 octets T2
    }

    /** {@link #writeFixed(ByteBuf, long, long, long)} into {@code a} at index {@code i}: 12 octets. */
    public static void writeFixed(byte[] a, int i, long iaid, long t1, long t2) {
        Octets.put32(a, i, (int) iaid);            // 4 octets IAID, RFC 9915 §21.4
        Octets.put32(a, i + 4, (int) t1);          // 4 octets T1
        Octets.put32(a, i + 8, (int) t2);          // 4 octets T2
    }
}
