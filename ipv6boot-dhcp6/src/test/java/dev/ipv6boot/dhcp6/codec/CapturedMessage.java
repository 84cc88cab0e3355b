package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.Ipv6Packet;
import dev.ipv6boot.testkit.pcap.PcapReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** One DHCPv6 message (a UDP payload to or from port 546/547) from a capture in {@code vectors/}. */
record CapturedMessage(String file, int frame, int sourcePort, int destinationPort, byte[] bytes) {

    static final int CLIENT_PORT = 546;
    static final int SERVER_PORT = 547;

    static Path vectorsDirectory() {
        try {
            return Path.of(CapturedMessage.class.getResource("/vectors").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every DHCPv6 message in every capture, in file and frame order. */
    static List<CapturedMessage> all() {
        List<CapturedMessage> messages = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(vectorsDirectory(), "*.pcap")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        for (Path file : files) {
            messages.addAll(in(file.getFileName().toString()));
        }
        return messages;
    }

    /** The DHCPv6 messages of one capture. */
    static List<CapturedMessage> in(String fileName) {
        List<CapturedMessage> messages = new ArrayList<>();
        try {
            for (CapturedFrame frame : PcapReader.read(vectorsDirectory().resolve(fileName))) {
                Optional<Ipv6Packet.UdpDatagram> udp = frame.ipv6().flatMap(Ipv6Packet::udp);
                if (udp.isPresent() && isDhcp6(udp.get())) {
                    Ipv6Packet.UdpDatagram d = udp.get();
                    messages.add(new CapturedMessage(fileName, frame.number(), d.sourcePort(), d.destinationPort(),
                            d.payload()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    private static boolean isDhcp6(Ipv6Packet.UdpDatagram d) {
        return d.sourcePort() == CLIENT_PORT || d.sourcePort() == SERVER_PORT
                || d.destinationPort() == CLIENT_PORT || d.destinationPort() == SERVER_PORT;
    }

    int messageType() {
        return bytes[0] & 0xff;
    }

    @Override
    public String toString() {
        return file + " #" + frame + " (" + Dhcp6MessageType.valueOf(messageType()).title() + ", " + bytes.length
                + " octets)";
    }

    String hex() {
        return HexFormat.of().formatHex(bytes);
    }
}
