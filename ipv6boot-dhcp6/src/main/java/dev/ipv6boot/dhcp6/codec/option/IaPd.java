package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Identity Association for Prefix Delegation (option 25, RFC 9915 §21.21): IAID, T1, T2, then IA_PD options
 * (IA Prefix, Status Code) from offset {@link #SUBOPTIONS_OFFSET}. The fixed part is laid out as IA_NA's
 * (§21.4), so {@link IaNa} reads and writes it; these are its accessors under the IA_PD name.
 */
public final class IaPd {
    /** 4 octets IAID, 4 octets T1, 4 octets T2 (RFC 9915 §21.21), as in IA_NA. */
    public static final int FIXED_LENGTH = IaNa.FIXED_LENGTH;
    public static final int SUBOPTIONS_OFFSET = IaNa.SUBOPTIONS_OFFSET;

    private IaPd() {
    }

    /** 4 octets IAID, RFC 9915 §21.21. */
    public static long iaid(ByteBuf buf, int offset) {
        return IaNa.iaid(buf, offset);
    }

    /** 4 octets T1 in seconds, RFC 9915 §21.21. */
    public static long t1(ByteBuf buf, int offset) {
        return IaNa.t1(buf, offset);
    }

    /** 4 octets T2 in seconds, RFC 9915 §21.21. */
    public static long t2(ByteBuf buf, int offset) {
        return IaNa.t2(buf, offset);
    }

    /** Writes IAID, T1 and T2; the IA_PD options follow. */
    public static void writeFixed(ByteBuf out, long iaid, long t1, long t2) {
        IaNa.writeFixed(out, iaid, t1, t2);
    }

    /** {@link #writeFixed(ByteBuf, long, long, long)} into {@code a} at index {@code i}: 12 octets. */
    public static void writeFixed(byte[] a, int i, long iaid, long t1, long t2) {
        IaNa.writeFixed(a, i, iaid, t1, t2);
    }
}
