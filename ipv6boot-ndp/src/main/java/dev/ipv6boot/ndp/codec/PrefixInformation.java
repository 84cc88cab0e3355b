package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * Prefix Information option (RFC 4861 §4.6.2), 32 bytes: prefix length, flags (L on-link, A autonomous
 * address configuration, R router address RFC 6275 §7.2, P DHCPv6-PD preferred RFC 9762 §4), valid and
 * preferred lifetimes in seconds (0xffffffff is infinity), 4 reserved bytes, the prefix.
 */
public record PrefixInformation(Ipv6Address prefix, int prefixLength, int flags, long validLifetime,
                                long preferredLifetime) implements NdpOption {
    public static final int LENGTH = 32;
    public static final int ON_LINK = 0x80;
    public static final int AUTONOMOUS = 0x40;
    public static final int ROUTER_ADDRESS = 0x20;
    public static final int DHCPV6_PD_PREFERRED = 0x10;
    public static final long INFINITY = 0xffff_ffffL;

    public PrefixInformation {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length must be 0..128: " + prefixLength);
        }
        if ((flags & ~0xff) != 0) {
            throw new IllegalArgumentException("flags are one byte: " + flags);
        }
        RouterAdvertisement.checkU32("valid lifetime", validLifetime);
        RouterAdvertisement.checkU32("preferred lifetime", preferredLifetime);
    }

    /** An on-link, autonomous prefix with radvd's default lifetimes (valid 86400 s, preferred 14400 s). */
    public static PrefixInformation slaac(Ipv6Address prefix, int prefixLength) {
        return new PrefixInformation(prefix.mask(prefixLength), prefixLength, ON_LINK | AUTONOMOUS, 86400, 14400);
    }

    public boolean onLink() {
        return (flags & ON_LINK) != 0;
    }

    public boolean autonomous() {
        return (flags & AUTONOMOUS) != 0;
    }

    public boolean routerAddress() {
        return (flags & ROUTER_ADDRESS) != 0;
    }

    public boolean dhcpv6PdPreferred() {
        return (flags & DHCPV6_PD_PREFERRED) != 0;
    }

    @Override
    public int type() {
        return NdpOptionType.PREFIX_INFORMATION;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type(), LENGTH);
        out.writeByte(prefixLength);
        out.writeByte(flags);
        out.writeInt((int) validLifetime);
        out.writeInt((int) preferredLifetime);
        out.writeInt(0);                // reserved2
        prefix.writeTo(out);
    }
}
