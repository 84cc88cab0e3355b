package dev.ipv6boot.testkit.pcap;

import java.util.Optional;

/**
 * One record of a pcap file: its 1-based number in the file (as Wireshark counts), capture time, link type
 * and the captured bytes.
 */
public record CapturedFrame(int number, long epochMicros, int linkType, byte[] data) {

    /** The IPv6 packet inside this frame, if it carries one. */
    public Optional<Ipv6Packet> ipv6() {
        return LinkLayer.ipv6Offset(linkType, data).flatMap(offset -> Ipv6Packet.parse(data, offset));
    }
}
