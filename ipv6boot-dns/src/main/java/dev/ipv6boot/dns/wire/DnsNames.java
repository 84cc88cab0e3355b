package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;

/** Reading names off the wire (RFC 1035 §3.1, §4.1.4), for display and for walking records. */
public final class DnsNames {
    private DnsNames() {
    }

    /** ASCII lower case of one byte: DNS names compare case-insensitively in ASCII only (RFC 4343). */
    static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** The presentation form ("boot.example.") of an uncompressed name. */
    public static String toPresentation(ByteBuf buf, int offset, int length) {
        StringBuilder out = new StringBuilder(length + 1);
        int cursor = offset;
        int end = offset + length;
        while (cursor < end) {
            int label = buf.getUnsignedByte(cursor++);
            if (label == 0) {
                break;
            }
            for (int i = 0; i < label && cursor < end; i++) {
                int c = buf.getUnsignedByte(cursor++);
                if (c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';' || c == '@' || c == '$') {
                    // special in master files (RFC 1035 §5.1), escaped as dnsjava and BIND do
                    out.append('\\').append((char) c);
                } else if (c <= 0x20 || c >= 0x7f) {
                    out.append('\\').append(String.format("%03d", c));
                } else {
                    out.append((char) c);
                }
            }
            out.append('.');
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /**
     * The end of a possibly compressed name starting at {@code offset} in a message starting at {@code base}:
     * the index after its last label or after its pointer. Returns -1 when malformed: a pointer not strictly
     * backwards (which also bounds the walk), a reserved label type, a name over 255 bytes, or running past
     * {@code end}.
     */
    public static int skipName(ByteBuf buf, int base, int offset, int end) {
        int cursor = offset;
        int resumeAt = -1;
        int total = 0;
        int hops = 0;
        while (true) {
            if (cursor >= end) {
                return -1;
            }
            int length = buf.getUnsignedByte(cursor);
            if (length == 0) {
                return resumeAt >= 0 ? resumeAt : cursor + 1;
            }
            if ((length & 0xc0) == 0xc0) {                // 2-byte pointer, §4.1.4
                if (cursor + 2 > end) {
                    return -1;
                }
                int target = base + (buf.getUnsignedShort(cursor) & 0x3fff);
                if (target >= cursor || ++hops > 127) {
                    return -1;
                }
                if (resumeAt < 0) {
                    resumeAt = cursor + 2;
                }
                cursor = target;
                continue;
            }
            if (length > DnsQueryView.MAX_LABEL_LENGTH) {
                return -1;
            }
            total += 1 + length;
            if (total >= DnsQueryView.MAX_NAME_LENGTH) {
                return -1;
            }
            cursor += 1 + length;
        }
    }
}
