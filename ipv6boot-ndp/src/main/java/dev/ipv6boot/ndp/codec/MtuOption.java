package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/** MTU option (RFC 4861 §4.6.4): 2 reserved bytes, then the link MTU as 4 bytes. */
public record MtuOption(long mtu) implements NdpOption {
    public static final int LENGTH = 8;

    public MtuOption {
        if (mtu < 0 || mtu > 0xffff_ffffL) {
            throw new IllegalArgumentException("MTU is an unsigned 32-bit number: " + mtu);
        }
    }

    @Override
    public int type() {
        return NdpOptionType.MTU;
    }

    @Override
    public int encodedLength() {
        return LENGTH;
    }

    @Override
    public void writeTo(ByteBuf out) {
        NdpOption.writeHeader(out, type(), LENGTH);
        out.writeShort(0);              // reserved
        out.writeInt((int) mtu);
    }
}
