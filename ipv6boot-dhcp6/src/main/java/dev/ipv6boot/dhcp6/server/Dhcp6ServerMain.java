package dev.ipv6boot.dhcp6.server;

import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.PolicyText;
import dev.ipv6boot.dhcp6.policy.Reservation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A minimal command line around {@link Dhcp6Server}, for peer tests and trying the server out (the
 * {@code examples} module has the real command):
 * <pre>
 * java -cp ... dev.ipv6boot.dhcp6.server.Dhcp6ServerMain --policy boot.policy --interface eth1 \
 *      [--address 2001:db8::1] [--journal /var/lib/ipv6boot/leases] [--salt 32-HEX] [--server-mac 02:00:00:00:00:01]
 *      [--port 547] [--client-port 546] [--rate 20] [--transport auto|epoll|nio] [--receive-buffer 16777216]
 *      [--verbose]
 * </pre>
 * Prints {@code ready}, the listening sockets, the transport and the sockets' SO_RCVBUF once bound, and its
 * counters when it stops.
 */
public final class Dhcp6ServerMain {

    private Dhcp6ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path policyFile = null;
        Path journal = null;
        List<String> interfaces = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        byte[] salt = HexFormat.of().parseHex("69707636626f6f742d64686370362d30");
        long mac = 0x020000000001L;
        int port = 547;
        int clientPort = 546;
        double rate = 20;
        Dhcp6Transport transport = Dhcp6Transport.AUTO;
        int receiveBuffer = Dhcp6ServerConfig.STORM_RECEIVE_BUFFER;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--policy": policyFile = Path.of(value); i++; break;
                case "--interface": interfaces.add(value); i++; break;
                case "--address": addresses.add(value); i++; break;
                case "--journal": journal = Path.of(value); i++; break;
                case "--salt": salt = HexFormat.of().parseHex(value); i++; break;
                case "--server-mac": mac = Reservation.parseMac(value); i++; break;
                case "--port": port = Integer.parseInt(value); i++; break;
                case "--client-port": clientPort = Integer.parseInt(value); i++; break;
                case "--rate": rate = Double.parseDouble(value); i++; break;
                case "--transport": transport = Dhcp6Transport.valueOf(value.toUpperCase(java.util.Locale.ROOT)); i++; break;
                case "--receive-buffer": receiveBuffer = Integer.parseInt(value); i++; break;
                case "--verbose": verbose = true; break;
                default:
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
            }
        }
        if (policyFile == null) {
            System.err.println("--policy FILE is required");
            System.exit(2);
        }
        Dhcp6Policy policy = PolicyText.parse(Files.readString(policyFile, StandardCharsets.UTF_8));
        policy.problems().forEach(p -> System.out.println("policy problem: " + p));
        Dhcp6ServerConfig config = new Dhcp6ServerConfig(interfaces, addresses, port, clientPort, receiveBuffer,
                journal, salt, mac, rate, 65_536, transport);
        // --verbose prints every bind from the event loop: for tests and demos, not for load
        Dhcp6Server server = Dhcp6Server.start(policy, config, !verbose ? Dhcp6Listener.NONE : new Dhcp6Listener() {
            @Override
            public void leaseBound(dev.ipv6boot.dhcp6.lease.Lease lease) {
                System.out.println("bound " + lease);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("counters " + server.counters().snapshot() + " Udp6RcvbufErrors "
                    + Dhcp6Counters.udp6RcvbufErrors());
            server.close();
        }));
        System.out.println("ready " + server.localAddresses() + " transport " + server.transportName()
                + " SO_RCVBUF " + server.receiveBuffers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
