package dev.ipv6boot.dns;

import io.netty.buffer.ByteBuf;

/** DNS over TCP framing, RFC 1035 §4.2.2 / RFC 7766 §8: each message is preceded by its 2-byte length. */
final class TcpFrames {
    private TcpFrames() {
    }

    /**
     * The next complete message in {@code cumulation} as a slice (borrowed: valid until the cumulation is
     * compacted), advancing past it; null when incomplete. A zero length prefix yields an empty slice.
     */
    static ByteBuf next(ByteBuf cumulation) {
        if (cumulation.readableBytes() < 2) {
            return null;
        }
        int length = cumulation.getUnsignedShort(cumulation.readerIndex());
        if (cumulation.readableBytes() < 2 + length) {
            return null;
        }
        ByteBuf frame = cumulation.slice(cumulation.readerIndex() + 2, length);
        cumulation.skipBytes(2 + length);
        return frame;
    }
}
