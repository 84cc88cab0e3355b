package dev.ipv6boot.examples;

import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Printer;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.Ipv6Packet;
import dev.ipv6boot.testkit.pcap.PcapReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Prints every DHCPv6 message in classic pcap files, or one message given in hex, option by option. A malformed
 * message prints where and why it is malformed and decoding goes on with the next one.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Print every DHCPv6 message in pcap files (Ethernet, Linux cooked v1/v2, raw IPv6), "
                + "or one message given in hex, option by option, relayed messages nested.",
                "Exit status: 0 all messages well-formed, 1 a message was malformed, 2 a file could not be read."})
final class DecodeCommand implements Callable<Integer> {
    static final int EXIT_MALFORMED = 1;
    static final int EXIT_UNREADABLE = 2;

    private static final int DHCPV6_CLIENT_PORT = 546;
    private static final int DHCPV6_SERVER_PORT = 547;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "classic pcap files (pcapng: convert with editcap -F pcap)")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--hex", paramLabel = "HEX", description = "a DHCPv6 message (UDP payload) in hex; may repeat")
    private List<String> hexMessages = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private int messages;
    private int malformed;
    private int unreadable;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty() && hexMessages.isEmpty()) {
            err.println("decode: give pcap files or --hex HEX (see decode --help)");
            return EXIT_UNREADABLE;
        }
        for (int i = 0; i < hexMessages.size(); i++) {
            String hex = hexMessages.get(i);
            byte[] message;
            try {
                message = HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
            } catch (IllegalArgumentException e) {
                err.println("--hex: not hex: " + e.getMessage());
                unreadable++;
                continue;
            }
            out.printf("--hex message %d%n", i + 1);
            decode(message, out);
        }
        for (Path file : files) {
            decodeFile(file, out, err);
        }
        out.printf("%d DHCPv6 message(s), %d malformed%s%n", messages, malformed,
                unreadable > 0 ? ", " + unreadable + " input(s) unreadable" : "");
        out.flush();
        return unreadable > 0 ? EXIT_UNREADABLE : malformed > 0 ? EXIT_MALFORMED : 0;
    }

    private void decodeFile(Path file, PrintWriter out, PrintWriter err) {
        PcapReader.Contents contents;
        try {
            contents = PcapReader.readPartially(file);
        } catch (IOException e) {
            err.println(file + ": " + e.getMessage());
            unreadable++;
            return;
        }
        for (CapturedFrame frame : contents.frames()) {
            frame.ipv6().ifPresent(ip -> ip.udp().filter(DecodeCommand::isDhcpv6).ifPresent(udp -> {
                out.printf("%s frame %d  %s  [%s]:%d -> [%s]:%d%n", file.getFileName(), frame.number(),
                        Instant.EPOCH.plusNanos(frame.epochMicros() * 1000), address(ip.source().getAddress()),
                        udp.sourcePort(), address(ip.destination().getAddress()), udp.destinationPort());
                decode(udp.payload(), out);
            }));
        }
        if (contents.damage() != null) {
            err.println(file + ": " + contents.damage().getMessage() + " (the frames before it were decoded)");
            unreadable++;
        }
    }

    private static boolean isDhcpv6(Ipv6Packet.UdpDatagram udp) {
        // Relays talk 547 to 547; a relay with an RFC 8357 source port still talks to 547.
        return udp.destinationPort() == DHCPV6_SERVER_PORT || udp.destinationPort() == DHCPV6_CLIENT_PORT
                || udp.sourcePort() == DHCPV6_SERVER_PORT;
    }

    private void decode(byte[] message, PrintWriter out) {
        messages++;
        ByteBuf buf = Unpooled.wrappedBuffer(message);
        try {
            if (view.wrap(buf)) {
                out.print(Dhcp6Printer.print(view, new StringBuilder(1024)).toString().indent(4));
            } else {
                malformed++;
                out.printf("    MALFORMED at byte %d of %d: %s%n", view.errorOffset(), message.length,
                        view.error().description());
                out.print(HexFormat.ofDelimiter(" ").formatHex(message).indent(4));
            }
        } finally {
            buf.release();
        }
        out.println();
    }

    private static String address(byte[] sixteen) {
        ByteBuf buf = Unpooled.wrappedBuffer(sixteen);
        try {
            return Ipv6AddressFormat.append(new StringBuilder(40), buf, 0).toString();
        } finally {
            buf.release();
        }
    }
}
