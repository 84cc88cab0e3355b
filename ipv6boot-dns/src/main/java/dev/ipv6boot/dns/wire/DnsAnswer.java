package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.util.Arrays;

/**
 * A response indexed once so that it can be sent to any number of clients cheaply: the message without its
 * OPT record (each client gets its own), the start of every resource record, and where each TTL sits so a
 * cached copy can show the time left. Immutable.
 */
public final class DnsAnswer {
    static final int TYPE_SOA = 6;

    private final byte[] wire;
    private final int flags;
    private final int questionEnd;
    private final int answerCount;
    private final int authorityCount;
    private final int additionalCount;
    private final int[] rrStart;        // rrStart[i] = start of RR i; rrStart[count] = wire.length
    private final int[] ttlOffset;
    private final int[] ttl;
    private final long cacheTtl;       // seconds, -1 when the answer must not be cached
    private final QuestionKey question;

    private DnsAnswer(byte[] wire, int flags, int questionEnd, int an, int ns, int ar, int[] rrStart,
                      int[] ttlOffset, int[] ttl, long cacheTtl, QuestionKey question) {
        this.wire = wire;
        this.flags = flags;
        this.questionEnd = questionEnd;
        this.answerCount = an;
        this.authorityCount = ns;
        this.additionalCount = ar;
        this.rrStart = rrStart;
        this.ttlOffset = ttlOffset;
        this.ttl = ttl;
        this.cacheTtl = cacheTtl;
        this.question = question;
    }

    /** Why a response could not be indexed. */
    public static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Indexes a complete response (the readable bytes of {@code msg}, borrowed). The question must be
     * single; the OPT record, if any, is removed. TTLs for caching follow RFC 2181 §5.2 / RFC 2308 §5:
     * positive answers live as long as their shortest TTL, negative ones (NXDOMAIN, NODATA) as long as
     * min(SOA TTL, SOA MINIMUM) of the SOA in the authority section, and without one they are not cached.
     */
    public static DnsAnswer index(ByteBuf msg) throws MalformedResponseException {
        byte[] wire = new byte[msg.readableBytes()];
        msg.getBytes(msg.readerIndex(), wire);
        return index(wire, true);
    }

    private static DnsAnswer index(byte[] wire, boolean mayRebuild) throws MalformedResponseException {
        ByteBuf buf = Unpooled.wrappedBuffer(wire);
        int end = wire.length;
        if (end < DnsQueryView.HEADER_LENGTH) {
            throw new MalformedResponseException("shorter than a header");
        }
        int flags = buf.getUnsignedShort(2);
        int qd = buf.getUnsignedShort(4);
        int an = buf.getUnsignedShort(6);
        int ns = buf.getUnsignedShort(8);
        int ar = buf.getUnsignedShort(10);
        if (qd != 1) {
            throw new MalformedResponseException("QDCOUNT " + qd);
        }
        int nameEnd = DnsQueryView.uncompressedNameEnd(buf, 12, end);
        if (nameEnd < 0 || nameEnd + 4 > end) {
            throw new MalformedResponseException("bad question");
        }
        int qtype = buf.getUnsignedShort(nameEnd);
        int qclass = buf.getUnsignedShort(nameEnd + 2);
        byte[] qname = Arrays.copyOfRange(wire, 12, nameEnd);
        int questionEnd = nameEnd + 4;
        int total = an + ns + ar;
        int[] rrStart = new int[total + 1];
        int[] ttlOffset = new int[total];
        int[] ttl = new int[total];
        int optIndex = -1;
        int cursor = questionEnd;
        long minTtl = Long.MAX_VALUE;
        long soaNegativeTtl = -1;
        for (int i = 0; i < total; i++) {
            rrStart[i] = cursor;
            int afterName = DnsNames.skipName(buf, 0, cursor, end);
            if (afterName < 0 || afterName + 10 > end) {
                throw new MalformedResponseException("record " + i + " truncated");
            }
            int type = buf.getUnsignedShort(afterName);            // TYPE, CLASS, TTL(32), RDLENGTH, §4.1.3
            int rdlength = buf.getUnsignedShort(afterName + 8);
            int rdata = afterName + 10;
            if (rdata + rdlength > end) {
                throw new MalformedResponseException("record " + i + " RDATA overruns");
            }
            ttlOffset[i] = afterName + 4;
            ttl[i] = (int) Math.min(buf.getUnsignedInt(afterName + 4), Integer.MAX_VALUE);   // RFC 2181 §8
            if (type == DnsQueryView.TYPE_OPT) {
                if (i < an + ns || optIndex >= 0) {
                    throw new MalformedResponseException("OPT outside the additional section or twice");
                }
                optIndex = i;
            } else if (i < an + ns) {
                minTtl = Math.min(minTtl, ttl[i]);
                if (type == TYPE_SOA && i >= an && rdlength >= 20) {
                    long minimum = buf.getUnsignedInt(rdata + rdlength - 4);   // SOA MINIMUM, last 4 bytes
                    soaNegativeTtl = Math.min(ttl[i], minimum);
                }
            }
            cursor = rdata + rdlength;
        }
        rrStart[total] = cursor;
        if (cursor != end) {
            throw new MalformedResponseException("trailing bytes");
        }
        if (optIndex >= 0) {
            if (optIndex == total - 1) {
                // The usual layout: OPT last. Cutting it off moves nothing that names could point to.
                byte[] without = Arrays.copyOf(wire, rrStart[optIndex]);
                without[10] = (byte) ((ar - 1) >>> 8);
                without[11] = (byte) (ar - 1);
                return index(without, false);
            }
            if (!mayRebuild) {
                throw new MalformedResponseException("OPT record not removable");
            }
            return index(rebuiltWithoutOpt(wire), false);
        }
        int rcode = DnsFlags.rcode(flags);
        long cacheTtl = -1;
        if ((flags & DnsFlags.TC) == 0) {
            if (rcode == DnsFlags.NOERROR && an > 0) {
                cacheTtl = minTtl;
            } else if ((rcode == DnsFlags.NXDOMAIN || (rcode == DnsFlags.NOERROR && an == 0)) && soaNegativeTtl >= 0) {
                cacheTtl = soaNegativeTtl;
            }
        }
        return new DnsAnswer(wire, flags, questionEnd, an, ns, ar - (optIndex >= 0 ? 1 : 0), rrStart,
                ttlOffset, ttl, cacheTtl, QuestionKey.of(qname, qtype, qclass, 0));
    }

    // An OPT record in the middle of the additional section (legal, rare): let dnsjava re-encode without it.
    private static byte[] rebuiltWithoutOpt(byte[] wire) throws MalformedResponseException {
        try {
            Message message = new Message(wire);
            OPTRecord opt = message.getOPT();
            if (opt != null) {
                message.removeRecord(opt, Section.ADDITIONAL);
            }
            return message.toWire();
        } catch (IOException | RuntimeException e) {
            throw new MalformedResponseException("dnsjava could not re-encode: " + e.getMessage());
        }
    }

    /** Indexes a message built by dnsjava (local answers). */
    public static DnsAnswer of(Message message) {
        try {
            return index(message.toWire(), true);
        } catch (MalformedResponseException e) {
            throw new IllegalArgumentException("dnsjava built a message we cannot index: " + e.getMessage(), e);
        }
    }

    /** The flags word of the original response. */
    public int flags() {
        return flags;
    }

    public int rcode() {
        return DnsFlags.rcode(flags);
    }

    public boolean truncated() {
        return (flags & DnsFlags.TC) != 0;
    }

    /** Seconds this answer may be cached for (before any cap), or -1 when it must not be. */
    public long cacheTtl() {
        return cacheTtl;
    }

    /** The question this answer is for (stored key, cache flags 0). */
    public QuestionKey question() {
        return question;
    }

    public int answerCount() {
        return answerCount;
    }

    public int authorityCount() {
        return authorityCount;
    }

    public int additionalCount() {
        return additionalCount;
    }

    /** The message as indexed (OPT removed, original ID). A copy. */
    public byte[] toByteArray() {
        return wire.clone();
    }

    /** Length of the message as indexed. */
    public int length() {
        return wire.length;
    }

    // Package-private accessors for ResponseWriter.
    byte[] wire() {
        return wire;
    }

    int questionEnd() {
        return questionEnd;
    }

    int rrStart(int i) {
        return rrStart[i];
    }

    int recordCount() {
        return ttl.length;
    }

    int ttlOffset(int i) {
        return ttlOffset[i];
    }

    int ttl(int i) {
        return ttl[i];
    }
}
