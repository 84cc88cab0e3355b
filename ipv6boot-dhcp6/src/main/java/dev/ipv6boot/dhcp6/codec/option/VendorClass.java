package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Vendor Class (option 16, RFC 9915 §21.16): a 4-octet enterprise number, then vendor-class-data items in the
 * {@link UserClass} item layout. EDK2 and iPXE send enterprise 343 (Intel) with "PXEClient:Arch:…"; UEFI
 * HTTP Boot sends "HTTPClient:Arch:…" and needs "HTTPClient" echoed.
 */
public final class VendorClass {
    /** 4 octets enterprise-number (RFC 9915 §21.16). */
    public static final int FIXED_LENGTH = 4;
    /** Intel's enterprise number, used by PXE and UEFI HTTP Boot clients. */
    public static final long ENTERPRISE_INTEL = 343;

    private VendorClass() {
    }

    /** 4 octets enterprise-number, RFC 9915 §21.16. */
    public static long enterpriseNumber(ByteBuf buf, int offset) {
        return buf.getUnsignedInt(offset);
    }

    /** Whether any vendor-class-data item starts with {@code prefix} ("PXEClient", "HTTPClient"). */
    public static boolean anyItemStartsWith(ByteBuf buf, int offset, int length, CharSequence prefix) {
        return UserClass.anyItemStartsWith(buf, offset + FIXED_LENGTH, length - FIXED_LENGTH, prefix);
    }

    /** 4 octets enterprise-number, RFC 9915 §21.16, of the option data at index {@code i} of {@code a}. */
    public static long enterpriseNumber(byte[] a, int i) {
        return Octets.u32(a, i);
    }

    /** {@link #anyItemStartsWith(ByteBuf, int, int, CharSequence)} over the octets of {@code a} from {@code i}. */
    public static boolean anyItemStartsWith(byte[] a, int i, int length, CharSequence prefix) {
        return UserClass.anyItemStartsWith(a, i + FIXED_LENGTH, length - FIXED_LENGTH, prefix);
    }
}
