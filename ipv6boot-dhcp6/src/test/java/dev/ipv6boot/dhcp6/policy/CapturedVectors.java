package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.Ipv6Packet;
import dev.ipv6boot.testkit.pcap.PcapReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The DHCPv6 messages of the captures in {@code src/test/resources/vectors/}, with their IPv6 source. */
public final class CapturedVectors {

    /** One captured DHCPv6 datagram. */
    public record Message(String file, int frame, byte[] source, int sourcePort, int destinationPort, byte[] bytes) {
        public int type() {
            return bytes[0] & 0xff;
        }

        public boolean fromClient() {
            return destinationPort == 547 && (sourcePort == 546 || type() == 12);
        }

        @Override
        public String toString() {
            return file + " #" + frame;
        }
    }

    private CapturedVectors() {
    }

    public static List<Message> in(String file) {
        List<Message> out = new ArrayList<>();
        try {
            Path path = Path.of(CapturedVectors.class.getResource("/vectors/" + file).toURI());
            for (CapturedFrame frame : PcapReader.read(path)) {
                Optional<Ipv6Packet> ip = frame.ipv6();
                Optional<Ipv6Packet.UdpDatagram> udp = ip.flatMap(Ipv6Packet::udp);
                if (udp.isEmpty()) {
                    continue;
                }
                Ipv6Packet.UdpDatagram d = udp.get();
                if (d.sourcePort() == 546 || d.sourcePort() == 547 || d.destinationPort() == 546 || d.destinationPort() == 547) {
                    out.add(new Message(file, frame.number(), ip.get().source().getAddress(), d.sourcePort(),
                            d.destinationPort(), d.payload()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The message of {@code file} captured in frame {@code frame}. */
    public static Message frame(String file, int frame) {
        return in(file).stream().filter(m -> m.frame() == frame).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no DHCPv6 frame " + frame));
    }

    /** The reply that follows {@code request} in its capture (same transaction ID, from the server). */
    public static Optional<Message> replyTo(Message request) {
        List<Message> all = in(request.file());
        int from = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).frame() == request.frame()) {
                from = i;
            }
        }
        if (from < 0 || from + 1 >= all.size() || all.get(from + 1).fromClient()) {
            return Optional.empty();
        }
        return Optional.of(all.get(from + 1));
    }

    public static final List<String> DHCP6_FILES = List.of(
            "dhcp6-kea-dhclient-efi-sarr.pcap", "dhcp6-kea-dhclient-inforeq.pcap", "dhcp6-kea-dhclient-ipxe-sarr.pcap",
            "dhcp6-kea-dhclient-pd.pcap", "dhcp6-kea-dhcpcd-sarr.pcap", "dhcp6-kea-perfdhcp-rapidcommit.pcap",
            "dhcp6-kea-perfdhcp-relay.pcap", "dhcp6-kea-perfdhcp-sarr.pcap", "ipxe-efi-boot.pcap",
            "ipxe-efi-managed-boot.pcap", "ipxe-ovmfnet-boot.pcap", "ra-dhcpcd-slaac-inforeq.pcap");

    /** Every client message (and Relay-forw) of every capture. */
    public static List<Message> allClientMessages() {
        List<Message> out = new ArrayList<>();
        for (String f : DHCP6_FILES) {
            in(f).stream().filter(Message::fromClient).forEach(out::add);
        }
        return out;
    }
}
