package dev.ipv6boot.examples.observe;

import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.testkit.pcap.CapturedFrame;
import dev.ipv6boot.testkit.pcap.PcapReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the services tell the observer during one machine's boot: real captured DHCPv6, and served files. */
final class BootMessages {
    /** The OVMF machine of the capture. */
    static final long MAC = 0x525400123456L;
    static final String MAC_TEXT = "52:54:00:12:34:56";
    /** Its EUI-64 link-local address. */
    static final long LINK_LOCAL_HIGH = 0xfe80_0000_0000_0000L;
    static final long LINK_LOCAL_LOW = 0x5054_00ff_fe12_3456L;
    static final String LINK_LOCAL = "fe80::5054:ff:fe12:3456";

    private BootMessages() {
    }

    /** Frame 10 of ipxe-ovmfnet-boot.pcap: EDK2's UEFI PXEv6 Solicit (arch 7, DUID-LLT, vendor class PXEClient). */
    static byte[] capturedEdk2Solicit() throws IOException {
        return captured(10);
    }

    /** Frame 14: the Request that follows it, for the server 02:00:00:00:00:01. */
    static byte[] capturedEdk2Request() throws IOException {
        return captured(14);
    }

    private static byte[] captured(int number) throws IOException {
        byte[] file;
        try (InputStream in = BootMessages.class.getResourceAsStream("/observe/ipxe-ovmfnet-boot.pcap")) {
            file = in.readAllBytes();
        }
        List<CapturedFrame> frames = PcapReader.read(file);
        for (CapturedFrame frame : frames) {
            if (frame.number() == number) {
                return frame.ipv6().orElseThrow().udp().orElseThrow().payload();
            }
        }
        throw new AssertionError("frame " + number + " missing from the capture");
    }

    /** An iPXE Solicit as iPXE sends it: DUID-UUID all zero (cheap boards), arch 7, user class "iPXE". */
    static byte[] ipxeSolicit() {
        ByteBuf out = Unpooled.buffer(256);
        try {
            boolean ok = new Dhcp6Writer().begin(out)
                    .header(1, 0xc126d6)
                    .beginOption(1).duidUuid(0, 0).endOption()
                    .iaNa(0xaa55b0dfL, 0, 0).endOption()
                    .beginOption(16).uint32(343).item("PXEClient:Arch:00007:UNDI:003010").endOption()
                    .uint16Option(61, 7)
                    .beginOption(15).item("iPXE").endOption()
                    .finish();
            if (!ok) {
                throw new AssertionError("iPXE Solicit did not fit");
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** A Solicit from an installer's or an OS's DHCPv6 client: DUID-LL, no architecture, no user class. */
    static byte[] installerSolicit(long mac) {
        ByteBuf out = Unpooled.buffer(128);
        try {
            new Dhcp6Writer().begin(out).header(1, 0x1234).beginOption(1).duidLl(1, mac).endOption()
                    .iaNa(1, 0, 0).endOption().finish();
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** {@code message} in a Relay-forw from a relay on 2001:db8::/64 (RFC 9915 §9), peer the capture's link-local. */
    static byte[] relayed(byte[] message) {
        ByteBuf out = Unpooled.buffer(message.length + 64);
        try {
            new Dhcp6Writer().begin(out).relayHeader(12, 0, 0x2001_0db8_0000_0000L, 1, LINK_LOCAL_HIGH, LINK_LOCAL_LOW)
                    .option(9, message).finish();
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Tells {@code observer} that {@code message}, from the link-local address of the capture, was answered. */
    static void answer(BootObserver observer, byte[] message, int replyType) {
        ByteBuf buf = Unpooled.wrappedBuffer(message);
        try {
            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            if (!view.wrap(buf)) {
                throw new AssertionError("not valid DHCPv6: " + view.error());
            }
            long identity = MachineIdentity.of(view, LINK_LOCAL_HIGH, LINK_LOCAL_LOW, 42);
            observer.answered(view, replyType, identity);
        } finally {
            buf.release();
        }
    }

    static ServeEvent http(String client, String target, int status, long bytes) {
        return new ServeEvent(ServeEvent.Protocol.HTTP, socket(client), "GET", target, status, bytes, Instant.EPOCH,
                Duration.ofMillis(12));
    }

    static ServeEvent tftp(String client, String file, int status, long bytes) {
        return new ServeEvent(ServeEvent.Protocol.TFTP, socket(client), "RRQ", file, status, bytes, Instant.EPOCH,
                Duration.ofMillis(340));
    }

    static InetSocketAddress socket(String address) {
        try {
            return new InetSocketAddress(InetAddress.getByName(address), 40000);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
