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
        int end = offset + length;
        for (int p = offset; end - p >= 2; ) {
            int itemLength = buf.getUnsignedShort(p);          // 2 octets user-class-len, RFC 9915 §21.15
            if (itemLength > end - p - 2) {
                return false;
            }
            if (Ascii.equals(buf, p + 2, itemLength, text)) {
                return true;
            }
            p += 2 + itemLength;
        }
        return false;
    }

    /** {@link #containsItem(ByteBuf, int, int, CharSequence)} over the octets of {@code a} from index {@code i}. */
    public static boolean containsItem(byte[] a, int i, int length, CharSequence text) {
        int end = i + length;
        for (int p = i; end - p >= 2; ) {
            int itemLength = Octets.u16(a, p);                 // 2 octets user-class-len, RFC 9915 §21.15
            if (itemLength > end - p - 2) {
                return false;
            }
            if (Octets.equalsAscii(a, p + 2, itemLength, text)) {
                return true;
            }
            p += 2 + itemLength;
        }
        return false;
    }

    /** {@link #anyItemStartsWith(ByteBuf, int, int, CharSequence)} over the octets of {@code a} from {@code i}. */
    public static boolean anyItemStartsWith(byte[] a, int i, int length, CharSequence prefix) {
        int end = i + length;
        for (int p = i; end - p >= 2; ) {
            int itemLength = Octets.u16(a, p);                 // 2 octets item length
            if (itemLength > end - p - 2) {
                return false;
            }
            if (Octets.startsWithAscii(a, p + 2, itemLength, prefix)) {
                return true;
            }
            p += 2 + itemLength;
        }
        return false;
    }

    /** Whether any item of the list in {@code [offset, offset+length)} starts with {@code prefix}. */
    public static boolean anyItemStartsWith(ByteBuf buf, int offset, int length, CharSequence prefix) {
        int end = offset + length;
        for (int p = offset; end - p >= 2; ) {
            int itemLength = buf.getUnsignedShort(p);          // 2 octets item length
            if (itemLength > end - p - 2) {
                return false;
            }
            if (Ascii.startsWith(buf, p + 2, itemLength, prefix)) {
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
