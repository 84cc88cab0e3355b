package dev.ipv6boot.dhcp6.codec.option;

import io.netty.buffer.ByteBuf;

/**
 * Boot File URL (option 59, RFC 5970 §3.1): the URL of the boot file, as text with no terminator. UEFI PXE
 * accepts only {@code tftp://}; UEFI HTTP Boot and iPXE take {@code http://}. The Captive-Portal option
 * (103, RFC 8910 §2.2) has the same layout: a URI as text.
 */
public final class BootFileUrl {
    public static final String TFTP_SCHEME = "tftp://";
    public static final String HTTP_SCHEME = "http://";

    private BootFileUrl() {
    }

    /** Whether the URL at {@code offset} uses the scheme {@code scheme} ({@code "tftp://"}). */
    public static boolean hasScheme(ByteBuf buf, int offset, int length, String scheme) {
        return Ascii.startsWith(buf, offset, length, scheme);
    }
}
