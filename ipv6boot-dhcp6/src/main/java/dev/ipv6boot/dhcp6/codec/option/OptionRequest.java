package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Option Request (option 6, RFC 9915 §21.7): a list of 2-octet option codes the client asks for. */
public final class OptionRequest {

    private OptionRequest() {
    }

    /** How many codes an ORO of {@code length} octets lists. */
    public static int count(int length) {
        return length >>> 1;
    }

    /** 2 octets requested-option-code {@code i}, RFC 9915 §21.7. */
    public static int code(ByteBuf buf, int offset, int i) {
        return buf.getUnsignedShort(offset + 2 * i);
    }

    /** Whether the ORO at {@code offset} asks for {@code code}. */
    public static boolean contains(ByteBuf buf, int offset, int length, int code) {
        for (int p = offset, end = offset + length - 1; p < end; p += 2) {
            if (buf.getUnsignedShort(p) == code) {
                return true;
            }
        }
        return false;
    }

    /** {@link #contains(ByteBuf, int, int, int)} over the octets of {@code a} from index {@code i}. */
    public static boolean contains(byte[] a, int i, int length, int code) {
        for (int p = i, end = i + length - 1; p < end; p += 2) {
            if (Octets.u16(a, p) == code) {                      // 2 octets requested-option-code, RFC 9915 §21.7
                return true;
            }
        }
        return false;
    }
}
