package dev.ipv6boot.testkit.pcap;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv6 packet with its extension headers walked (RFC 8200 §4): the upper-layer protocol and its payload.
 * Only unfragmented packets and first fragments expose a transport header.
 */
public record Ipv6Packet(Inet6Address source, Inet6Address destination, int hopLimit, int nextHeader,
                         byte[] payload, boolean fragment) {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int DESTINATION_OPTIONS = 60;
    private static final int HEADER_LENGTH = 40;

    static Optional<Ipv6Packet> parse(byte[] d, int offset) {
        if (d.length - offset < HEADER_LENGTH || (d[offset] & 0xf0) != 0x60) {
            return Optional.empty();
        }
        int payloadLength = LinkLayer.u16(d, offset + 4);           // RFC 8200 §3
        int end = Math.min(d.length, offset + HEADER_LENGTH + payloadLength);
        int next = d[offset + 6] & 0xff;
        int hopLimit = d[offset + 7] & 0xff;
        Inet6Address src = address(d, offset + 8);
        Inet6Address dst = address(d, offset + 24);
        int cursor = offset + HEADER_LENGTH;
        boolean fragment = false;
        while (true) {
            if (next == HOP_BY_HOP || next == ROUTING || next == DESTINATION_OPTIONS) {
                if (cursor + 2 > end) {
                    return Optional.empty();
                }
                int length = ((d[cursor + 1] & 0xff) + 1) * 8;       // in 8-octet units, first 8 not counted
                next = d[cursor] & 0xff;
                cursor += length;
            } else if (next == FRAGMENT) {
                if (cursor + 8 > end) {
                    return Optional.empty();
                }
                fragment = true;
                int fragmentOffset = LinkLayer.u16(d, cursor + 2) >>> 3;
                next = d[cursor] & 0xff;
                cursor += 8;
                if (fragmentOffset != 0) {
                    return Optional.of(new Ipv6Packet(src, dst, hopLimit, -1, new byte[0], true));
                }
            } else {
                break;
            }
            if (cursor > end) {
                return Optional.empty();
            }
        }
        return Optional.of(new Ipv6Packet(src, dst, hopLimit, next, Arrays.copyOfRange(d, cursor, end), fragment));
    }

    /** The UDP datagram this packet carries. */
    public Optional<UdpDatagram> udp() {
        if (nextHeader != UDP || payload.length < 8) {
            return Optional.empty();
        }
        int length = Math.min(payload.length, LinkLayer.u16(payload, 4)); // RFC 768
        if (length < 8) {
            return Optional.empty();
        }
        return Optional.of(new UdpDatagram(LinkLayer.u16(payload, 0), LinkLayer.u16(payload, 2),
                Arrays.copyOfRange(payload, 8, length)));
    }

    /** The TCP segment's ports and payload. */
    public Optional<TcpSegment> tcp() {
        if (nextHeader != TCP || payload.length < 20) {
            return Optional.empty();
        }
        int headerLength = ((payload[12] & 0xf0) >>> 4) * 4;            // RFC 9293 §3.1 data offset
        if (headerLength < 20 || headerLength > payload.length) {
            return Optional.empty();
        }
        return Optional.of(new TcpSegment(LinkLayer.u16(payload, 0), LinkLayer.u16(payload, 2),
                payload[13] & 0xff, Arrays.copyOfRange(payload, headerLength, payload.length)));
    }

    /** The ICMPv6 message (type, code, checksum and body) this packet carries. */
    public Optional<byte[]> icmpv6() {
        return nextHeader == ICMPV6 && payload.length >= 4 ? Optional.of(payload) : Optional.empty();
    }

    private static Inet6Address address(byte[] d, int offset) {
        try {
            return (Inet6Address) InetAddress.getByAddress(Arrays.copyOfRange(d, offset, offset + 16));
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }

    public record UdpDatagram(int sourcePort, int destinationPort, byte[] payload) {
    }

    public record TcpSegment(int sourcePort, int destinationPort, int flags, byte[] payload) {
    }
}
