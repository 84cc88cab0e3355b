package dev.ipv6boot.dhcp6.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server, in a child JVM inside a server namespace, against real clients in a client namespace joined by
 * a veth pair: ISC dhclient (stateful and stateless), dhcpcd, ISC dhcrelay, Kea's perfdhcp.
 */
@PeerTest
class Dhcp6ServerPeerTest {

    static final String POLICY = String.join("\n",
            "authoritative",
            "option dns-servers 2001:db8::1",
            "if member('IPXE')",
            "  option bootfile-url http://[2001:db8::1]/ubuntu.cfg",
            "elif option[61].hex == 0x0007",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64 interface veth0",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "end",
            "subnet 2001:db8:2::/64",
            "  pool 2001:db8:2::1:0 - 2001:db8:2::1:ffff",
            "end",
            "");

    @TempDir
    Path dir;

    /** The server's output up to "ready". */
    private String lastLog = "";

    /** Starts the server in {@code ns} and waits for "ready". */
    private Process startServer(NetworkNamespace ns, Path journal, String... extra) throws Exception {
        Path policy = dir.resolve("boot.policy");
        Files.writeString(policy, POLICY);
        Path log = dir.resolve("server-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Dhcp6ServerMain.class.getName(),
                "--policy", policy.toString(), "--interface", "veth0", "--address", "2001:db8::1",
                "--journal", journal.toString(), "--rate", "1000"));
        cmd.addAll(List.of(extra));
        Process p = ns.start(log, cmd.toArray(new String[0]));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.contains("ready")) {
                lastLog = out;
                return p;
            }
            if (!p.isAlive()) {
                fail("server exited: " + out);
            }
            Thread.sleep(100);
        }
        fail("server not ready in 30 s: " + Files.readString(log));
        return p;
    }

    private static NetworkNamespace[] pair() {
        NetworkNamespace server = NetworkNamespace.create("d6s");
        NetworkNamespace client = NetworkNamespace.create("d6c");
        NetworkNamespace.link(server, "2001:db8::1/64", client, null);
        return new NetworkNamespace[] {server, client};
    }

    private Command.Result dhclient(NetworkNamespace client, String config, String... flags) throws IOException {
        Path conf = dir.resolve("dhclient-" + System.nanoTime() + ".conf");
        Files.writeString(conf, config);
        List<String> cmd = new ArrayList<>(List.of("timeout", "40", "dhclient", "-6", "-1", "-v",
                "-cf", conf.toString(), "-pf", dir.resolve("dhclient.pid").toString(),
                "-lf", dir.resolve("dhclient.leases").toString()));
        cmd.addAll(List.of(flags));
        cmd.add("veth0");
        return client.exec(Duration.ofSeconds(45), cmd.toArray(new String[0]));
    }

    /** On both transports: epoll's multicast socket tied to the interface must behave as NIO's. */
    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void dhclientStatefulWithArch7GetsAnAddressDnsAndIpxeEfiAndTheLeaseSurvivesKill9(String transport) throws Exception {
        Peers.require("dhclient", "ip");
        NetworkNamespace[] ns = pair();
        try (NetworkNamespace server = ns[0]; NetworkNamespace client = ns[1]) {
            Path journal = dir.resolve("leases.journal");
            Process srv = startServer(server, journal, "--transport", transport);
            assertTrue(lastLog.contains("transport " + transport), lastLog);
            Command.Result r = dhclient(client, "option dhcp6.client-arch-type code 61 = array of unsigned integer 16;\n"
                    + "send dhcp6.client-arch-type 7;\nalso request dhcp6.bootfile-url;\n");
            assertEquals(0, r.exitCode(), r.output());
            String leases = Files.readString(dir.resolve("dhclient.leases"));
            Matcher m = Pattern.compile("iaaddr (2001:db8::1:[0-9a-f]+) ").matcher(leases);
            assertTrue(m.find(), leases);
            String address = m.group(1);
            assertTrue(leases.contains("option dhcp6.name-servers 2001:db8::1;"), leases);
            assertTrue(leases.contains("option dhcp6.bootfile-url \"http://[2001:db8::1]/ipxe.efi\";"), leases);
            assertTrue(client.exec(Duration.ofSeconds(5), "ip", "-6", "addr", "show", "dev", "veth0").output()
                    .contains(address + "/128"), "dhclient configured the address");

            srv.destroyForcibly();                                   // kill -9
            srv.waitFor();
            long[] a = Ipv6Prefix.parseAddress(address);
            try (InMemoryLeaseStore store = InMemoryLeaseStore.open(journal, 16, 16, null)) {
                Lease l = new Lease();
                assertTrue(store.findByOwner(Lease.ADDRESS, (1L << 56) | 0x020000000002L, 0, l),
                        "the acknowledged lease of MAC 02:00:00:00:00:02 is in the journal");
                assertEquals(a[1], l.low());
            }
        }
    }

    @Test
    void dhclientStatelessWithUserClassIpxeGetsTheScriptUrl() throws Exception {
        Peers.require("dhclient", "ip");
        NetworkNamespace[] ns = pair();
        try (NetworkNamespace server = ns[0]; NetworkNamespace client = ns[1]) {
            startServer(server, dir.resolve("leases.journal"));
            // -S keeps no lease file: a script records what dhclient hands its hook (new_dhcp6_* variables)
            Path script = dir.resolve("record.sh");
            Path env = dir.resolve("env.txt");
            Files.writeString(script, "#!/bin/sh\nenv >> " + env + "\n");
            script.toFile().setExecutable(true);
            Command.Result r = dhclient(client, "option dhcp6.user-class code 15 = string;\n"
                    + "send dhcp6.user-class 00:04:69:50:58:45;\nalso request dhcp6.bootfile-url;\n", "-S",
                    "-sf", script.toString());
            assertEquals(0, r.exitCode(), r.output());
            String vars = Files.readString(env);
            assertTrue(vars.contains("new_dhcp6_bootfile_url=http://[2001:db8::1]/ubuntu.cfg"), vars);
            assertTrue(vars.contains("new_dhcp6_name_servers=2001:db8::1"), vars);
            assertTrue(!vars.contains("new_ip6_address"), "stateless: no address: " + vars);
        }
    }

    @Test
    void dhcpcdGetsAnAddressFromThePool() throws Exception {
        Peers.require("dhcpcd", "ip");
        NetworkNamespace[] ns = pair();
        try (NetworkNamespace server = ns[0]; NetworkNamespace client = ns[1]) {
            startServer(server, dir.resolve("leases.journal"));
            Path conf = dir.resolve("dhcpcd.conf");
            Files.writeString(conf, "ipv6only\nnoipv6rs\nia_na 1\noption dhcp6_name_servers\nnohook resolv.conf\n");
            Command.Result r = client.exec(Duration.ofSeconds(45), "timeout", "40", "dhcpcd", "-6", "-1", "-d", "-B",
                    "-f", conf.toString(), "-t", "30", "veth0");
            String addresses = client.exec(Duration.ofSeconds(5), "ip", "-6", "addr", "show", "dev", "veth0").output();
            client.exec(Duration.ofSeconds(10), "dhcpcd", "-6", "-x", "veth0");
            assertTrue(addresses.contains("2001:db8::1:"), r.output() + "\n" + addresses);
        }
    }

    @Test
    void dhcrelayedClientIsServedFromTheSubnetOfTheRelaysLink() throws Exception {
        Peers.require("dhclient", "dhcrelay", "ip");
        try (NetworkNamespace server = NetworkNamespace.create("d6s");
             NetworkNamespace relay = NetworkNamespace.create("d6r");
             NetworkNamespace client = NetworkNamespace.create("d6c")) {
            NetworkNamespace.link(server, "2001:db8::1/64", relay, "2001:db8::2/64");
            relay.exec(Duration.ofSeconds(5), "ip", "link", "set", "veth0", "name", "up0").orThrow();
            NetworkNamespace.link(relay, "2001:db8:2::1/64", client, null);
            server.exec(Duration.ofSeconds(5), "ip", "-6", "route", "add", "2001:db8:2::/64", "via", "2001:db8::2").orThrow();
            relay.exec(Duration.ofSeconds(5), "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1").orThrow();
            startServer(server, dir.resolve("leases.journal"));
            relay.start(dir.resolve("dhcrelay.log"), "dhcrelay", "-6", "-d", "-l", "veth0", "-u", "2001:db8::1%up0");
            Thread.sleep(1500);
            Command.Result r = dhclient(client, "also request dhcp6.name-servers;\n");
            assertEquals(0, r.exitCode(), r.output() + Files.readString(dir.resolve("dhcrelay.log")));
            String leases = Files.readString(dir.resolve("dhclient.leases"));
            assertTrue(leases.matches("(?s).*iaaddr 2001:db8:2::1:[0-9a-f]+ .*"), "served from 2001:db8:2::/64: " + leases);
        }
    }

    @Test
    void perfdhcpCompletesExchangesDirectAndRelayedWithNoRejectedOrDuplicateLeases() throws Exception {
        Peers.require("perfdhcp", "ip");
        NetworkNamespace[] ns = pair();
        try (NetworkNamespace server = ns[0]; NetworkNamespace client = ns[1]) {
            startServer(server, dir.resolve("leases.journal"));
            for (String mode : new String[] {"direct", "relayed"}) {
                List<String> cmd = new ArrayList<>(List.of("timeout", "30", "perfdhcp", "-6",
                        "-l", "veth0", "-r", "100", "-R", "500", "-p", "4"));
                if (mode.equals("relayed")) {
                    cmd.addAll(List.of("-A", "1"));
                }
                Command.Result r = client.exec(Duration.ofSeconds(40), cmd.toArray(new String[0]));
                String out = r.output();
                Matcher received = Pattern.compile("REQUEST-REPLY\\*\\*\\*\\s+sent packets: (\\d+)\\s+received packets: (\\d+)")
                        .matcher(out);
                assertTrue(received.find(), mode + ": " + out);
                assertTrue(Long.parseLong(received.group(2)) >= 200, mode + ": " + out);
                Matcher rejected = Pattern.compile("rejected leases: (\\d+)").matcher(out);
                while (rejected.find()) {
                    assertEquals("0", rejected.group(1), mode + ": " + out);
                }
                Matcher unique = Pattern.compile("non unique addresses: (\\d+)").matcher(out);
                while (unique.find()) {
                    assertEquals("0", unique.group(1), mode + ": " + out);
                }
            }
        }
    }
}
