package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Domain Search List (option 24, RFC 3646 §4) and the DNS name encoding every name-carrying option uses:
 * uncompressed names (RFC 9915 §10, RFC 1035 §3.1), each a run of labels (1-octet length, at most 63) ending
 * in the zero-length root label, at most 255 octets in all.
 */
public final class DomainList {
    public static final int MAX_LABEL = 63;
    public static final int MAX_NAME = 255;

    private DomainList() {
    }

    /**
     * The offset just past the name starting at {@code offset}, or -1 when it is malformed before {@code end}:
     * a label running past {@code end}, a compression pointer or reserved label type, no root label, or more
     * than 255 octets.
     */
    public static int nameEnd(ByteBuf buf, int offset, int end) {
        int p = offset;
        while (p < end) {
            int labelLength = buf.getUnsignedByte(p);          // 1 octet label length, RFC 1035 §3.1
            if (labelLength == 0) {
                return p + 1 - offset > MAX_NAME ? -1 : p + 1;
            }
            if (labelLength > MAX_LABEL || labelLength >= end - p || p + 1 + labelLength - offset >= MAX_NAME) {
                return -1;
            }
            p += 1 + labelLength;
        }
        return -1;
    }

    /**
     * Like {@link #nameEnd} for a name that may be partial (RFC 4704 §4.2: no root label): the name runs to
     * {@code end}, and a root label, when present, must be its last octet. Returns {@code end} or -1.
     */
    public static int partialNameEnd(ByteBuf buf, int offset, int end) {
        int p = offset;
        while (p < end) {
            int labelLength = buf.getUnsignedByte(p);
            if (labelLength == 0) {
                return p + 1 == end && end - offset <= MAX_NAME ? end : -1;
            }
            if (labelLength > MAX_LABEL || labelLength >= end - p || p + 1 + labelLength - offset > MAX_NAME) {
                return -1;
            }
            p += 1 + labelLength;
        }
        return p == end ? end : -1;
    }

    /** {@link #nameEnd(ByteBuf, int, int)} over the octets of {@code a}, indices {@code i} and {@code end}. */
    public static int nameEnd(byte[] a, int i, int end) {
        int p = i;
        while (p < end) {
            int labelLength = a[p] & 0xff;                     // 1 octet label length, RFC 1035 §3.1
            if (labelLength == 0) {
                return p + 1 - i > MAX_NAME ? -1 : p + 1;
            }
            if (labelLength > MAX_LABEL || labelLength >= end - p || p + 1 + labelLength - i >= MAX_NAME) {
                return -1;
            }
            p += 1 + labelLength;
        }
        return -1;
    }

    /** {@link #partialNameEnd(ByteBuf, int, int)} over the octets of {@code a}, indices {@code i} and {@code end}. */
    public static int partialNameEnd(byte[] a, int i, int end) {
        int p = i;
        while (p < end) {
            int labelLength = a[p] & 0xff;
            if (labelLength == 0) {
                return p + 1 == end && end - i <= MAX_NAME ? end : -1;
            }
            if (labelLength > MAX_LABEL || labelLength >= end - p || p + 1 + labelLength - i > MAX_NAME) {
                return -1;
            }
            p += 1 + labelLength;
        }
        return p == end ? end : -1;
    }

    /**
     * Appends the name at {@code offset} as dotted text (a fully qualified name ends in "."; the root is ".")
     * and returns the offset past it. The name must have been validated.
     */
    public static int appendName(StringBuilder out, ByteBuf buf, int offset, int end) {
        int p = offset;
        while (p < end) {
            int labelLength = buf.getUnsignedByte(p);
            if (labelLength == 0) {
                if (p == offset) {
                    out.append('.');
                }
                return p + 1;
            }
            Ascii.appendPrintable(out, buf, p + 1, labelLength);
            out.append('.');
            p += 1 + labelLength;
        }
        // A partial name (FQDN option): drop the dot after the last label.
        if (p > offset) {
            out.setLength(out.length() - 1);
        }
        return p;
    }

    /**
     * Writes {@code name} in wire format. A name ending in "." (or ".", the root) gets the root label; one
     * without is written partial, as RFC 4704 §4.2 allows for the Client FQDN option. Returns the octets
     * written, or -1 with nothing written when the name has an empty or over-long label, a non-ASCII
     * character or more than 255 octets.
     */
    public static int writeName(ByteBuf out, CharSequence name) {
        int start = out.writerIndex();
        int n = name.length();
        if (n == 1 && name.charAt(0) == '.') {
            out.writeByte(0);
            return 1;
        }
        int labelStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || name.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0) {
                    if (i == n && i > 0) {
                        break;                                  // the trailing dot of a fully qualified name
                    }
                    out.writerIndex(start);
                    return -1;
                }
                if (labelLength > MAX_LABEL) {
                    out.writerIndex(start);
                    return -1;
                }
                out.writeByte(labelLength);                    // 1 octet label length, RFC 1035 §3.1
                for (int j = labelStart; j < i; j++) {
                    char c = name.charAt(j);
                    if (c > 0x7f) {
                        out.writerIndex(start);
                        return -1;
                    }
                    out.writeByte(c);
                }
                labelStart = i + 1;
            }
        }
        if (n > 0 && name.charAt(n - 1) == '.') {
            out.writeByte(0);                                  // root label: the name is fully qualified
        }
        int written = out.writerIndex() - start;
        if (written > MAX_NAME) {
            out.writerIndex(start);
            return -1;
        }
        return written;
    }
}
