package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * One Neighbor Discovery option (RFC 4861 §4.6): a type byte, a length in units of 8 bytes including the
 * two header bytes, and a body. Options keep their wire order and duplicates inside a message.
 */
public sealed interface NdpOption permits SourceLinkLayerAddress, MtuOption, PrefixInformation, RouteInformation,
        RecursiveDnsServers, DnsSearchList, Pref64, CaptivePortal, UnknownOption {

    /** The option type number ({@link NdpOptionType}). */
    int type();

    /** Bytes on the wire, header included; always a positive multiple of 8. */
    int encodedLength();

    /** Writes the whole option at the writer index. Allocates nothing. */
    void writeTo(ByteBuf out);

    /** Writes type and length (in 8-byte units) for an option of {@code encodedLength} bytes. */
    static void writeHeader(ByteBuf out, int type, int encodedLength) {
        out.writeByte(type);
        out.writeByte(encodedLength >>> 3);
    }
}
