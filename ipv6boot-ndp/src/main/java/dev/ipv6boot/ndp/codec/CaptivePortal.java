package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * Captive Portal option (RFC 8910 §2.3): the URI of the captive portal API (RFC 8908) in ASCII, padded
 * with NUL bytes to a multiple of 8.
 */
public record CaptivePortal(String uri) implements NdpOption {

    public CaptivePortal {
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) < 0x21 || uri.charAt(i) > 0x7e) {
                throw new IllegalArgumentException("a URI is printable ASCII: " + uri);
            }
        }
        if (uri.length() + 2 > 255 * 8) {
            throw new IllegalArgumentException("captive portal URI too long: " + uri.length());
        }
    }

    @Override
    public int type() {
        return NdpOptionType.CAPTIVE_PORTAL;
    }

    @Override
    public int encodedLength() {
        return (2 + uri.length() + 7) & ~7;
    }

    @Override
    public void writeTo(ByteBuf out) {
        int length = encodedLength();
        NdpOption.writeHeader(out, type(), length);
        for (int i = 0; i < uri.length(); i++) {
            out.writeByte(uri.charAt(i));
        }
        out.writeZero(length - 2 - uri.length());
    }
}
