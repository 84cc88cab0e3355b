package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Allocation-free comparisons and writes of text held in option data (URLs, classes, status messages). */
public final class Ascii {

    private Ascii() {
    }

    /** Whether the {@code length} octets at {@code offset} are exactly the ASCII characters of {@code text}. */
    public static boolean equals(ByteBuf buf, int offset, int length, CharSequence text) {
        return length == text.length() && regionMatches(buf, offset, text);
    }

    /** Whether the {@code length} octets at {@code offset} begin with the ASCII characters of {@code prefix}. */
    public static boolean startsWith(ByteBuf buf, int offset, int length, CharSequence prefix) {
        return length >= prefix.length() && regionMatches(buf, offset, prefix);
    }

    private static boolean regionMatches(ByteBuf buf, int offset, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f || buf.getByte(offset + i) != (byte) c) {
                return false;
            }
        }
        return true;
    }

    /** The number of octets {@link #write} produces for {@code text} (UTF-8). */
    public static int encodedLength(CharSequence text) {
        return ByteBufUtil.utf8Bytes(text);
    }

    /** Appends {@code text} in UTF-8 (ASCII for URLs and class names) at the writer index. */
    public static void write(ByteBuf out, CharSequence text) {
        ByteBufUtil.writeUtf8(out, text);
    }

    /**
     * Appends the octets at {@code offset} to {@code out} as text: printable ASCII as is, anything else as a
     * {@code \xNN} escape, so a hostile string cannot forge lines in a log or a terminal.
     */
    public static void appendPrintable(StringBuilder out, ByteBuf buf, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = buf.getUnsignedByte(offset + i);
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
            } else {
                out.append("\\x").append(Hex.digit(b >>> 4)).append(Hex.digit(b & 0xf));
            }
        }
    }
}
