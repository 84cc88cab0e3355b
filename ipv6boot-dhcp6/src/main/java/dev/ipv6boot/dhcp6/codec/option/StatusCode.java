package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/** Status Code (option 13, RFC 9915 §21.13): a 2-octet code, then a UTF-8 message (not NUL-terminated). */
public final class StatusCode {
    /** 2 octets status-code (RFC 9915 §21.13). */
    public static final int FIXED_LENGTH = 2;

    private StatusCode() {
    }

    /** 2 octets status-code, RFC 9915 §21.13; names in {@link dev.ipv6boot.dhcp6.catalog.StatusCodes}. */
    public static int code(ByteBuf buf, int offset) {
        return buf.getUnsignedShort(offset);
    }

    /** Where the status-message starts. */
    public static int messageOffset(int offset) {
        return offset + FIXED_LENGTH;
    }

    /** How long the status-message of a Status Code option of {@code length} octets is. */
    public static int messageLength(int length) {
        return length - FIXED_LENGTH;
    }
}
