package dev.ipv6boot.dns.wire;

/** Bits of the header's flags word (RFC 1035 §4.1.1, AD/CD from RFC 4035 §3.2) and the RCODEs we send. */
public final class DnsFlags {
    public static final int QR = 0x8000;
    public static final int AA = 0x0400;
    public static final int TC = 0x0200;
    public static final int RD = 0x0100;
    public static final int RA = 0x0080;
    public static final int AD = 0x0020;
    public static final int CD = 0x0010;

    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;
    public static final int REFUSED = 5;
    /** RFC 6891 §9: extended RCODE 16, carried as 1 in the OPT's upper bits and 0 in the header. */
    public static final int BADVERS = 16;

    private DnsFlags() {
    }

    public static int opcode(int flags) {
        return (flags >>> 11) & 0xf;
    }

    public static int rcode(int flags) {
        return flags & 0xf;
    }
}
