package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * A raw ICMPv6 socket bound to one interface and its link-local address, hop limit 255 both ways, letting only
 * Router Solicitations in (RFC 3542 §3.2 filter) and joined to all-routers {@code ff02::2}.
 * Opened by {@link Icmpv6Sockets#open}.
 */
interface Icmpv6Socket extends AutoCloseable {
    /** Hop limit reported by {@link #receive} when the kernel gave none. */
    int HOP_LIMIT_UNKNOWN = 256;

    /**
     * Sends the readable bytes of {@code message} (an ICMPv6 message, checksum filled by the kernel) to a
     * link-local or multicast {@code destination} on the bound interface. Borrows the buffer.
     */
    void send(ByteBuf message, Ipv6Address destination) throws IOException;

    /**
     * Waits for one message, at most the socket's receive timeout, and writes it at the writer index of
     * {@code into}, which must have room for 64 KiB. Stores the IPv6 source in {@code source[0]} (high 64 bits)
     * and {@code source[1]}, and returns the hop limit it arrived with, or -1 on timeout.
     */
    int receive(ByteBuf into, long[] source) throws IOException;

    /** Name of the interface the socket is bound to. */
    String interfaceName();

    @Override
    void close();
}
