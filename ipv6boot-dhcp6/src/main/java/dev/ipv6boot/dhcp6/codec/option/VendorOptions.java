package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Vendor-specific Information (option 17, RFC 9915 §21.17): a 4-octet enterprise number, then sub-options in
 * the option layout (2-octet code, 2-octet length) whose codes belong to that enterprise.
 */
public final class VendorOptions {
    /** 4 octets enterprise-number (RFC 9915 §21.17). */
    public static final int FIXED_LENGTH = 4;
    public static final int SUBOPTIONS_OFFSET = 4;

    private VendorOptions() {
    }

    /** 4 octets enterprise-number, RFC 9915 §21.17. */
    public static long enterpriseNumber(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }
}
