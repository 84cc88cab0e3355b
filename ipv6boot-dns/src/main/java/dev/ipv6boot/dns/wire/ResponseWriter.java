package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;

/**
 * Writes responses to a client's query: an indexed answer with the client's ID and question bytes echoed
 * exactly (RFC 1035 §7.3, RFC 5452 §9.1 for clients checking the 0x20 case), TTLs aged, the client's own
 * OPT record (RFC 6891 §7), and truncation to the client's size limit; or an error response. Nothing is
 * allocated: the caller passes the output buffer, which is only written to (not retained or released).
 */
public final class ResponseWriter {
    /** RFC 1035 §4.2.1: a UDP response to a client without EDNS is at most 512 bytes. */
    public static final int CLASSIC_UDP_LIMIT = 512;
    /** RFC 6891 §6.1.2: our own OPT record is 11 bytes with no options. */
    static final int OPT_LENGTH = 11;

    private ResponseWriter() {
    }

    /**
     * The size limit for a response to {@code query} over UDP: 512 without EDNS, else the client's payload
     * size clamped to [512, {@code ourUdpSize}] (RFC 6891 §6.2.5; DNS flag day 2020 recommends 1232).
     */
    public static int udpLimit(DnsQueryView query, int ourUdpSize) {
        return query.hasEdns() ? Math.max(CLASSIC_UDP_LIMIT, Math.min(query.ednsUdpSize(), ourUdpSize)) : CLASSIC_UDP_LIMIT;
    }

    /**
     * Writes {@code answer} as the response to {@code query} into {@code out}, at most {@code limit} bytes,
     * with every TTL reduced by {@code elapsedSeconds}. If the whole message does not fit, the additional
     * section is dropped (no TC needed, RFC 2181 §9); if it still does not fit, as many whole answer records
     * as fit are kept and TC is set, so that a client that never retries over TCP (iPXE) still gets an address.
     *
     * @return true when TC was set
     */
    public static boolean writeAnswer(ByteBuf out, DnsQueryView query, DnsAnswer answer, int limit,
                                      long elapsedSeconds, int ourUdpSize) {
        byte[] wire = answer.wire();
        int optLength = query.hasEdns() ? OPT_LENGTH : 0;
        int budget = limit - optLength;
        int an = answer.answerCount();
        int ns = answer.authorityCount();
        int ar = answer.additionalCount();
        int included = an + ns + ar;
        boolean truncated = false;
        if (wire.length > budget) {
            included = an + ns;
            ar = 0;
            if (answer.rrStart(included) > budget) {
                truncated = true;
                ns = 0;
                included = 0;
                while (included < an && answer.rrStart(included + 1) <= budget) {
                    included++;
                }
                an = included;
            }
        }
        int bodyEnd = answer.rrStart(included);
        int start = out.writerIndex();
        int flags = DnsFlags.QR | (answer.flags() & (DnsFlags.AA | DnsFlags.RA | DnsFlags.AD | 0xf))
                | (query.flags() & (DnsFlags.RD | DnsFlags.CD));
        if ((query.flags() & DnsFlags.AD) == 0 && !query.dnssecOk()) {
            flags &= ~DnsFlags.AD;                     // RFC 6840 §5.8: AD only to clients that asked for it
        }
        if (truncated) {
            flags |= DnsFlags.TC;
        }
        out.writeShort(query.id());                    // ID echoed, RFC 1035 §4.1.1
        out.writeShort(flags);
        out.writeShort(1);                             // QDCOUNT
        out.writeShort(an);
        out.writeShort(ns);
        out.writeShort(ar + (optLength > 0 ? 1 : 0));
        // The client's question, byte for byte (its letter case included); same length as ours by equality.
        out.writeBytes(query.buffer(), query.nameOffset(), query.questionEnd() - DnsQueryView.HEADER_LENGTH);
        int questionEnd = answer.questionEnd();
        out.writeBytes(wire, questionEnd, bodyEnd - questionEnd);
        if (elapsedSeconds > 0) {
            int records = answer.recordCount();
            for (int i = 0; i < records && answer.rrStart(i) < bodyEnd; i++) {
                long left = Math.max(0, answer.ttl(i) - elapsedSeconds);
                out.setInt(start + answer.ttlOffset(i), (int) left);
            }
        }
        if (optLength > 0) {
            writeOpt(out, ourUdpSize, 0, query.dnssecOk());
        }
        return truncated;
    }

    /**
     * Writes a response without records: the header with {@code rcode}, the question echoed when the query
     * had a readable one, and an OPT record when it had EDNS. An RCODE above 15 goes into the OPT's extended
     * bits (RFC 6891 §6.1.3).
     */
    public static void writeError(ByteBuf out, DnsQueryView query, QueryStatus status, int rcode, int ourUdpSize) {
        boolean withQuestion = status == QueryStatus.OK || status == QueryStatus.BAD_EDNS_VERSION
                || status == QueryStatus.REFUSED_TYPE;
        boolean withOpt = withQuestion && query.hasEdns();
        int flags = DnsFlags.QR | (query.flags() & (0x7800 | DnsFlags.RD | DnsFlags.CD)) | DnsFlags.RA | (rcode & 0xf);
        out.writeShort(query.id());
        out.writeShort(flags);
        out.writeShort(withQuestion ? 1 : 0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(withOpt ? 1 : 0);
        if (withQuestion) {
            out.writeBytes(query.buffer(), query.nameOffset(), query.questionEnd() - DnsQueryView.HEADER_LENGTH);
        }
        if (withOpt) {
            writeOpt(out, ourUdpSize, rcode >>> 4, query.dnssecOk());
        }
    }

    // RFC 6891 §6.1.2-6.1.3: root name, TYPE 41, CLASS = our payload size, TTL = ext-RCODE|version 0|DO|Z.
    private static void writeOpt(ByteBuf out, int udpSize, int extendedRcode, boolean dnssecOk) {
        out.writeByte(0);
        out.writeShort(DnsQueryView.TYPE_OPT);
        out.writeShort(udpSize);
        out.writeByte(extendedRcode);
        out.writeByte(0);
        out.writeShort(dnssecOk ? 0x8000 : 0);         // DO echoed, RFC 3225 §3
        out.writeShort(0);
    }

    /**
     * Writes the query we send upstream for {@code query}: a fresh {@code upstreamId}, RD set, CD as the
     * client asked, the client's question, and an OPT advertising {@code ednsUdpSize} with DO as the client
     * asked (RFC 6891; 1232 avoids fragmentation, DNS flag day 2020).
     */
    public static void writeUpstreamQuery(ByteBuf out, int upstreamId, int clientFlags, byte[] question,
                                          int ednsUdpSize, boolean dnssecOk) {
        out.writeShort(upstreamId);
        out.writeShort(DnsFlags.RD | (clientFlags & DnsFlags.CD));
        out.writeShort(1);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(1);
        out.writeBytes(question);
        writeOpt(out, ednsUdpSize, 0, dnssecOk);
    }
}
