package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * User Class (option 15, RFC 9915 §21.15): user-class-data items, each a 2-octet length then opaque data.
 * iPXE sends one item "iPXE": the only reliable way to tell iPXE from the firmware that loaded it.
 * The same item layout serves Vendor Class data (§21.16) and Boot File Parameters (RFC 5970 §3.2).
 */
public final class UserClass {

    private UserClass() {
    }

    /** Whether any item of the list in {@code [offset, offset+length)} equals {@code text}. */
    public static boolean containsItem(ByteBuf buf, int offset, int length, CharSequence text) {
        return anyItem(buf, offset, length, text, false);
    }

    /** {@link #containsItem(ByteBuf, int, int, CharSequence)} over the octets of {@code a} from index {@code i}. */
    public static boolean containsItem(byte[] a, int i, int length, CharSequence text) {
        return anyItem(a, i, length, text, false);
    }

    /** {@link #anyItemStartsWith(ByteBuf, int, int, CharSequence)} over the octets of {@code a} from {@code i}. */
    public static boolean anyItemStartsWith(byte[] a, int i, int length, CharSequence prefix) {
        return anyItem(a, i, length, prefix, true);
    }

    /** Whether any item of the list in {@code [offset, offset+length)} starts with {@code prefix}. */
    public static boolean anyItemStartsWith(ByteBuf buf, int offset, int length, CharSequence prefix) {
        return anyItem(buf, offset, length, prefix, true);
    }

    /**
     * The one walk over the items: each item's length is checked against the list's end before it is read, and a
     * truncated item ends the walk. Callers pass {@code prefix} as a constant, which the JIT folds once inlined.
     */
    private static boolean anyItem(ByteBuf buf, int offset, int length, CharSequence text, boolean prefix) {
        int end = offset + length;
        for (int p = offset; end - p >= 2; ) {
            int itemLength = buf.getUnsignedShort(p);          // 2 octets item length, RFC 9915 §21.15
            if (itemLength > end - p - 2) {
                return false;
            }
            if (prefix ? Ascii.startsWith(buf, p + 2, itemLength, text) : Ascii.equals(buf, p + 2, itemLength, text)) {
                return true;
            }
            p += 2 + itemLength;
        }
        return false;
    }

    /** {@link #anyItem(ByteBuf, int, int, CharSequence, boolean)} over the octets of {@code a} from index {@code i}. */
    private static boolean anyItem(byte[] a, int i, int length, CharSequence text, boolean prefix) {
        int end = i + length;
        for (int p = i; end - p >= 2; ) {
            int itemLength = Octets.u16(a, p);                 // 2 octets item length, RFC 9915 §21.15
            if (itemLength > end - p - 2) {
                return false;
            }
            if (prefix ? Octets.startsWithAscii(a, p + 2, itemLength, text)
                    : Octets.equalsAscii(a, p + 2, itemLength, text)) {
                return true;
            }
            p += 2 + itemLength;
        }
        return false;
    }

    /** How many whole items the list in {@code [offset, offset+length)} holds. */
    public static int itemCount(ByteBuf buf, int offset, int length) {
        int count = 0;
        int end = offset + length;
        for (int p = offset; end - p >= 2; count++) {
            int itemLength = buf.getUnsignedShort(p);
            if (itemLength > end - p - 2) {
                break;
            }
            p += 2 + itemLength;
        }
        return count;
    }

    /** Writes one item: 2 octets length, then {@code text} in UTF-8. */
    public static void writeItem(ByteBuf out, CharSequence text) {
        out.writeShort(Ascii.encodedLength(text));             // 2 octets item length, RFC 9915 §21.15
        Ascii.write(out, text);
    }
}
