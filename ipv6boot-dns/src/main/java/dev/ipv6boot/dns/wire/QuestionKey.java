package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;

/**
 * A question as a hash key: the name compared case-insensitively (RFC 4343), type, class, and the query
 * bits that change the answer (DO, CD). Two forms share one equality so that a lookup allocates nothing:
 * a <em>probe</em> reads the name in place from the query's buffer and is rebound for every datagram; a
 * <em>stored</em> key holds its own lower-cased copy and is immutable.
 */
public final class QuestionKey {
    private ByteBuf buf;            // probe form
    private int offset;
    private byte[] name;            // stored form, lower case
    private int length;
    private int qtype;
    private int qclass;
    private int flags;
    private int hash;

    private QuestionKey() {
    }

    static QuestionKey probe() {
        return new QuestionKey();
    }

    static int nameHash(ByteBuf buf, int offset, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + DnsNames.lower(buf.getUnsignedByte(offset + i));
        }
        return h;
    }

    void bindProbe(ByteBuf buf, int offset, int length, int nameHash, int qtype, int qclass, int flags) {
        this.buf = buf;
        this.offset = offset;
        this.name = null;
        this.length = length;
        this.qtype = qtype;
        this.qclass = qclass;
        this.flags = flags;
        this.hash = mix(nameHash, qtype, qclass, flags);
    }

    /** An immutable copy of {@code key}, safe to keep in a map. */
    public static QuestionKey copyOf(QuestionKey key) {
        byte[] copy = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            copy[i] = (byte) key.byteAt(i);
        }
        return of(copy, key.qtype, key.qclass, key.flags);
    }

    /** A stored key from an uncompressed wire-format name (lower-cased here), type, class and cache flags. */
    public static QuestionKey of(byte[] wireName, int qtype, int qclass, int flags) {
        QuestionKey key = new QuestionKey();
        key.name = new byte[wireName.length];
        int h = 1;
        for (int i = 0; i < wireName.length; i++) {
            key.name[i] = (byte) DnsNames.lower(wireName[i] & 0xff);
            h = 31 * h + (key.name[i] & 0xff);
        }
        key.length = wireName.length;
        key.qtype = qtype;
        key.qclass = qclass;
        key.flags = flags;
        key.hash = mix(h, qtype, qclass, flags);
        return key;
    }

    /** The same question with other cache flags (stored form). */
    public QuestionKey withFlags(int newFlags) {
        QuestionKey stored = name != null ? this : copyOf(this);
        return of(stored.name, qtype, qclass, newFlags);
    }

    private static int mix(int h, int qtype, int qclass, int flags) {
        h = 31 * h + qtype;
        h = 31 * h + qclass;
        h = 31 * h + flags;
        return h ^ (h >>> 16);
    }

    private int byteAt(int i) {
        return name != null ? name[i] & 0xff : DnsNames.lower(buf.getUnsignedByte(offset + i));
    }

    /** The lower-cased wire-format name (a copy). */
    public byte[] wireName() {
        byte[] copy = new byte[length];
        for (int i = 0; i < length; i++) {
            copy[i] = (byte) byteAt(i);
        }
        return copy;
    }

    public int qtype() {
        return qtype;
    }

    public int qclass() {
        return qclass;
    }

    /** Bit 0: DO, bit 1: CD. */
    public int flags() {
        return flags;
    }

    /** True when both keys name the same question, ignoring the cache flags. */
    public boolean sameQuestion(QuestionKey other) {
        if (other.length != length || other.qtype != qtype || other.qclass != qclass) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (byteAt(i) != other.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when the name alone equals {@code other}'s name. */
    public boolean sameName(QuestionKey other) {
        if (other.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (byteAt(i) != other.byteAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuestionKey other && other.hash == hash && other.flags == flags && sameQuestion(other);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        byte[] wire = wireName();
        return DnsNames.toPresentation(io.netty.buffer.Unpooled.wrappedBuffer(wire), 0, wire.length)
                + " type " + qtype + " class " + qclass + (flags != 0 ? " flags " + flags : "");
    }
}
