package dev.ipv6boot.examples.boot;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dhcp6.server.Dhcp6Server;
import dev.ipv6boot.dhcp6.server.Dhcp6ServerConfig;
import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.ArtifactServer;
import dev.ipv6boot.http.DynamicResponse;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import dev.ipv6boot.http.tftp.TftpServer;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.sender.AdvertisingSettings;
import dev.ipv6boot.ndp.sender.RouterAdvertiser;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The boot network's only servers, started as a child JVM inside the server namespace (until {@code ipv6boot
 * serve --config} replaces it): Router Advertisements, DHCPv6, HTTP on port 80 and TFTP on port 69, all on one
 * interface and address, serving one directory. {@code GET /marker/{mac}} answers a tiny iPXE script: the last
 * thing a booted machine fetches.
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp ... dev.ipv6boot.examples.boot.BootServers \
 *      IFACE ADDRESS/64 managed|other POLICY-FILE ROOT-DIR
 * </pre>
 * Prints {@code ready} once every socket is bound, then one {@code event ...} line per thing served, which the
 * test reads (see {@link BootServersProcess}).
 */
public final class BootServers {
    private static final byte[] SALT = "ipv6boot-qemu-01".getBytes(StandardCharsets.US_ASCII);
    private static final int OPTION_USER_CLASS = 15;    // RFC 9915 §21.15
    private static final int OPTION_VENDOR_CLASS = 16;  // RFC 9915 §21.16
    private static final int OPTION_CLIENT_ARCH = 61;   // RFC 5970 §3.3

    private BootServers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !List.of("managed", "other").contains(args[2])) {
            System.err.println("usage: BootServers IFACE ADDRESS/LEN managed|other POLICY-FILE ROOT-DIR");
            System.exit(2);
        }
        String iface = args[0];
        String address = args[1].substring(0, args[1].indexOf('/'));
        int prefixLength = Integer.parseInt(args[1].substring(args[1].indexOf('/') + 1));
        boolean managed = args[2].equals("managed");
        Dhcp6Policy policy = PolicyText.parse(Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
        policy.problems().forEach(problem -> System.out.println("policy problem: " + problem));
        ArtifactRoot root = ArtifactRoot.of(Path.of(args[4]));

        // Fast periodic RAs: a firmware that missed the solicited one should not wait radvd's 200 s.
        RouterAdvertisement ra = RouterAdvertisement.builder().managed(managed).otherConfig(true).routerLifetime(1800)
                .option(PrefixInformation.slaac(Ipv6Address.parse(address), prefixLength))
                .build();
        ServeListener served = BootServers::printServed;
        try (RouterAdvertiser advertiser = RouterAdvertiser.start(iface, ra,
                AdvertisingSettings.intervals(Duration.ofSeconds(3), Duration.ofSeconds(10)), new RaEvents());
             Dhcp6Server dhcp6 = Dhcp6Server.start(policy, Dhcp6ServerConfig.of(List.of(iface), List.of(address),
                     null, SALT, 0x020000000001L), new Dhcp6Events());
             ArtifactServer http = ArtifactServer.builder(root)
                     .listen(new InetSocketAddress(address, 80))
                     .route("/marker/{mac}", request -> DynamicResponse.of("text/plain",
                             "#!ipxe\necho ipv6boot marker reached by " + request.parameter("mac") + "\n"))
                     .listener(served)
                     .start();
             TftpServer tftp = TftpServer.builder(root).listen(new InetSocketAddress(address, 69)).listener(served)
                     .start()) {
            System.out.println("ready ra " + advertiser.advertisements().size() + " dhcp6 " + dhcp6.localAddresses()
                    + " http " + http.localAddress() + " tftp " + tftp.localAddress());
            System.out.flush();
            Thread.currentThread().join();
        }
    }

    private static void printServed(ServeEvent e) {
        emit("event " + e.protocol().name().toLowerCase() + " " + e.method() + " " + e.target() + " status "
                + e.status() + " bytes " + e.bytes() + " client " + e.client().getAddress().getHostAddress()
                + " port " + e.client().getPort());
    }

    private static synchronized void emit(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** One line per answered DHCPv6 message, with what tells firmware from iPXE. */
    private static final class Dhcp6Events implements Dhcp6Listener {
        @Override
        public void answered(Dhcp6MessageView request, int replyType, long identity) {
            emit("event dhcp6 " + request.type().name() + " answered " + Dhcp6MessageType.valueOf(replyType).name()
                    + " " + MachineIdentity.toString(identity) + " arch " + hex(request, OPTION_CLIENT_ARCH, 0, 2)
                    + " vendor-class " + text(request, OPTION_VENDOR_CLASS, 4)
                    + " user-class " + text(request, OPTION_USER_CLASS, 0));
        }

        @Override
        public void leaseBound(Lease lease) {
            emit("event dhcp6 bound " + lease);
        }

        private static String hex(Dhcp6MessageView view, int code, int skip, int length) {
            int i = view.indexOf(code);
            if (i < 0 || view.optionLength(i) < skip + length) {
                return "-";
            }
            byte[] bytes = new byte[length];
            view.buffer().getBytes(view.optionOffset(i) + skip, bytes);
            return "0x" + HexFormat.of().formatHex(bytes);
        }

        /** The first item of a class option (RFC 9915 §21.15/§21.16: 2-octet length, data) after {@code skip} octets. */
        private static String text(Dhcp6MessageView view, int code, int skip) {
            int i = view.indexOf(code);
            if (i < 0 || view.optionLength(i) < skip + 2) {
                return "-";
            }
            ByteBuf buf = view.buffer();
            int start = view.optionOffset(i) + skip;
            int length = Math.min(buf.getUnsignedShort(start), view.optionLength(i) - skip - 2);
            return buf.toString(start + 2, length, StandardCharsets.US_ASCII).replaceAll("[^\\x21-\\x7e]", "?");
        }
    }

    private static final class RaEvents implements RouterAdvertiserListener {
        @Override
        public void solicited(Ipv6Address source, long mac) {
            emit("event ra solicited by " + source + " mac " + Long.toHexString(mac));
        }
    }
}
