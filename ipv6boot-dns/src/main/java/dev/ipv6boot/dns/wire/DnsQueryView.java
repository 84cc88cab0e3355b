package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;

/**
 * A flyweight view of a DNS query's header, its single question and its OPT record, read in place from a
 * {@link ByteBuf} without copying or allocating. One instance per event-loop thread is reused for every
 * datagram: {@link #parse} resets it.
 *
 * <p>Ownership: {@code parse} borrows the buffer; it neither retains nor releases it, and the view's offsets
 * are valid only while the caller holds the buffer unchanged.
 */
public final class DnsQueryView {
    /** RFC 1035 §4.1.1: the header is 12 bytes. */
    public static final int HEADER_LENGTH = 12;
    /** RFC 1035 §2.3.4: names are at most 255 bytes on the wire, labels at most 63. */
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_LABEL_LENGTH = 63;
    static final int TYPE_OPT = 41;

    private ByteBuf buf;
    private int base;
    private int id;
    private int flags;
    private int nameLength;
    private int questionEnd;
    private int qtype;
    private int qclass;
    private boolean edns;
    private int ednsUdpSize;
    private int ednsVersion;
    private boolean dnssecOk;
    private final QuestionKey key = QuestionKey.probe();
    private final QuestionKey plainKey = QuestionKey.probe();
    private final QuestionKey nameKey = QuestionKey.probe();

    /**
     * Indexes {@code buf}'s readable bytes as a query. On anything but {@link QueryStatus#OK} only the
     * fields read so far are meaningful ({@link #id()} whenever the header was complete).
     */
    public QueryStatus parse(ByteBuf buf) {
        this.buf = buf;
        this.base = buf.readerIndex();
        this.edns = false;
        this.dnssecOk = false;
        this.ednsUdpSize = 512;
        this.ednsVersion = 0;
        this.nameLength = 0;
        this.questionEnd = 0;
        int end = buf.writerIndex();
        if (end - base < HEADER_LENGTH) {
            return QueryStatus.TOO_SHORT;
        }
        id = buf.getUnsignedShort(base);                  // 2 bytes ID, RFC 1035 §4.1.1
        flags = buf.getUnsignedShort(base + 2);           // QR|Opcode(4)|AA|TC|RD|RA|Z|AD|CD|RCODE(4)
        if ((flags & DnsFlags.QR) != 0) {
            return QueryStatus.NOT_A_QUERY;
        }
        if (DnsFlags.opcode(flags) != 0) {
            return QueryStatus.UNSUPPORTED_OPCODE;
        }
        int qdcount = buf.getUnsignedShort(base + 4);
        int ancount = buf.getUnsignedShort(base + 6);
        int nscount = buf.getUnsignedShort(base + 8);
        int arcount = buf.getUnsignedShort(base + 10);
        if (qdcount != 1 || ancount != 0 || nscount != 0 || arcount > 1) {
            return QueryStatus.BAD_COUNTS;
        }
        int cursor = base + HEADER_LENGTH;
        int nameEnd = uncompressedNameEnd(buf, cursor, end);
        if (nameEnd == NAME_TRUNCATED) {
            return QueryStatus.TRUNCATED;
        }
        if (nameEnd < 0) {
            return QueryStatus.BAD_NAME;
        }
        nameLength = nameEnd - cursor;
        if (nameEnd + 4 > end) {
            return QueryStatus.TRUNCATED;
        }
        qtype = buf.getUnsignedShort(nameEnd);            // 2 bytes QTYPE, RFC 1035 §4.1.2
        qclass = buf.getUnsignedShort(nameEnd + 2);       // 2 bytes QCLASS
        questionEnd = nameEnd + 4;
        cursor = questionEnd;
        if (arcount == 1) {
            QueryStatus opt = parseOpt(cursor, end);
            if (opt != QueryStatus.OK) {
                return opt;
            }
            cursor = end;
        }
        if (cursor != end) {
            return QueryStatus.TRAILING_BYTES;
        }
        int nameHash = QuestionKey.nameHash(buf, base + HEADER_LENGTH, nameLength);
        key.bindProbe(buf, base + HEADER_LENGTH, nameLength, nameHash, qtype, qclass, cacheFlags());
        plainKey.bindProbe(buf, base + HEADER_LENGTH, nameLength, nameHash, qtype, qclass, 0);
        nameKey.bindProbe(buf, base + HEADER_LENGTH, nameLength, nameHash, 0, 0, 0);
        if (ednsVersion != 0) {
            return QueryStatus.BAD_EDNS_VERSION;
        }
        if (qtype == 251 || qtype == 252 || qtype == 253 || qtype == 254
                || (qclass != 1 && qclass != 3 && qclass != 255)) {
            return QueryStatus.REFUSED_TYPE;
        }
        return QueryStatus.OK;
    }

    // RFC 6891 §6.1.2: NAME 0 (root), TYPE 41, CLASS = requestor's UDP payload size,
    // TTL = extended RCODE(8) | VERSION(8) | DO(1) | Z(15), RDLEN, RDATA = {code(16), length(16), data}*.
    private QueryStatus parseOpt(int cursor, int end) {
        if (cursor + 11 > end) {
            return QueryStatus.TRUNCATED;
        }
        if (buf.getByte(cursor) != 0 || buf.getUnsignedShort(cursor + 1) != TYPE_OPT) {
            return QueryStatus.BAD_OPT;
        }
        edns = true;
        ednsUdpSize = Math.max(512, buf.getUnsignedShort(cursor + 3));   // below 512 means 512, §6.2.5
        ednsVersion = buf.getUnsignedByte(cursor + 6);
        dnssecOk = (buf.getUnsignedShort(cursor + 7) & 0x8000) != 0;
        int rdlength = buf.getUnsignedShort(cursor + 9);
        int rdata = cursor + 11;
        if (rdata + rdlength > end) {
            return QueryStatus.TRUNCATED;
        }
        int rdataEnd = rdata + rdlength;
        int option = rdata;
        while (option < rdataEnd) {                       // options must fill RDATA exactly
            if (option + 4 > rdataEnd) {
                return QueryStatus.BAD_OPT;
            }
            option += 4 + buf.getUnsignedShort(option + 2);
        }
        if (option != rdataEnd || rdataEnd != end) {
            return option != rdataEnd ? QueryStatus.BAD_OPT : QueryStatus.TRAILING_BYTES;
        }
        return QueryStatus.OK;
    }

    static final int NAME_TRUNCATED = -2;

    /**
     * The end of an uncompressed name starting at {@code offset}, or -1 when it is malformed (pointer,
     * reserved label type, too long), or {@link #NAME_TRUNCATED} when it runs past {@code end}.
     */
    static int uncompressedNameEnd(ByteBuf buf, int offset, int end) {
        int cursor = offset;
        while (true) {
            if (cursor >= end) {
                return NAME_TRUNCATED;
            }
            int length = buf.getUnsignedByte(cursor);
            if (length == 0) {
                cursor++;
                return cursor - offset > MAX_NAME_LENGTH ? -1 : cursor;
            }
            if (length > MAX_LABEL_LENGTH) {              // 0xC0 pointer or reserved 0x40/0x80 types, §4.1.4
                return -1;
            }
            cursor += 1 + length;
            if (cursor - offset >= MAX_NAME_LENGTH) {
                return -1;
            }
        }
    }

    /** Bits of the query that select a different answer: DO (RFC 3225) and CD (RFC 4035 §3.2.2). */
    private int cacheFlags() {
        return (dnssecOk ? 1 : 0) | ((flags & DnsFlags.CD) != 0 ? 2 : 0);
    }

    /** The buffer this view was last parsed over. */
    public ByteBuf buffer() {
        return buf;
    }

    /** The absolute index of the message's first byte in {@link #buffer()}. */
    public int base() {
        return base;
    }

    public int id() {
        return id;
    }

    /** The 16-bit flags word, RFC 1035 §4.1.1. */
    public int flags() {
        return flags;
    }

    public boolean recursionDesired() {
        return (flags & DnsFlags.RD) != 0;
    }

    public int qtype() {
        return qtype;
    }

    public int qclass() {
        return qclass;
    }

    /** Absolute index of the question name in {@link #buffer()}. */
    public int nameOffset() {
        return base + HEADER_LENGTH;
    }

    public int nameLength() {
        return nameLength;
    }

    /** Bytes from the message start to the end of the question: the prefix a response echoes. */
    public int questionEnd() {
        return questionEnd - base;
    }

    public boolean hasEdns() {
        return edns;
    }

    /** The client's UDP payload size (RFC 6891 §6.2.3), 512 without EDNS. */
    public int ednsUdpSize() {
        return ednsUdpSize;
    }

    public int ednsVersion() {
        return ednsVersion;
    }

    public boolean dnssecOk() {
        return dnssecOk;
    }

    /**
     * The cache key of this question, a probe reused by every {@code parse}: look it up, never store it
     * ({@link QuestionKey#copyOf} makes one to store).
     */
    public QuestionKey key() {
        return key;
    }

    /** The question without cache flags (probe, as {@link #key()}): local records do not depend on DO or CD. */
    public QuestionKey plainKey() {
        return plainKey;
    }

    /** The question name alone, type and class 0 (probe, as {@link #key()}). */
    public QuestionKey nameKey() {
        return nameKey;
    }

    /** The question name in presentation form, for events and logs (allocates). */
    public String nameString() {
        return DnsNames.toPresentation(buf, nameOffset(), nameLength);
    }
}
