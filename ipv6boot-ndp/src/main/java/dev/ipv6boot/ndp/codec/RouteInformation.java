package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * Route Information option (RFC 4191 §2.3): prefix length, a flags byte holding the route preference in bits
 * 3-4, the route lifetime (4 bytes), then 0, 8 or 16 bytes of prefix, the fewest that hold the prefix length.
 */
public record RouteInformation(Ipv6Address prefix, int prefixLength, RouterPreference preference, long lifetime)
        implements NdpOption {

    public RouteInformation {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128: " + prefixLength);
        }
        RouterAdvertisement.checkU32("route lifetime", lifetime);
        prefix = prefix.mask(prefixLength);
    }

    @Override
    public int type() {
        return NdpOptionType.ROUTE_INFORMATION;
    }

    @Override
    public int encodedLength() {
        return prefixLength == 0 ? 8 : prefixLength <= 64 ? 16 : 24;
    }

    @Override
    public void writeTo(ByteBuf out) {
        int length = encodedLength();
        NdpOption.writeHeader(out, type(), length);
        out.writeByte(prefixLength);
        out.writeByte(preference.bits() << 3);
        out.writeInt((int) lifetime);
        if (length >= 16) {
            out.writeLong(prefix.high());
        }
        if (length == 24) {
            out.writeLong(prefix.low());
        }
    }
}
