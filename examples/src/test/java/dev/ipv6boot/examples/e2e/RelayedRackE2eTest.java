package dev.ipv6boot.examples.e2e;

import static dev.ipv6boot.examples.e2e.OnLinkBootE2eTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.examples.serve.ServeProcess;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rack behind a layer-3 top-of-rack router: {@code dhcrelay -6} (ISC) in the router namespace relays the
 * client's DHCPv6 to the server, which serves it from the subnet matching the relay's link-address; the client then
 * fetches its script and preseed and resolves names across the routed hop.
 */
@PeerTest
class RelayedRackE2eTest {
    private static final String RACK = "2001:db8:2::/64";
    private static final String ROUTER_UPLINK = "2001:db8::2";
    private static final String ROUTER_RACK = "2001:db8:2::1";
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aRelayedMachineIsServedFromItsRacksSubnet() throws Exception {
        Peers.require("ip", "dhclient", "dhcrelay", "curl", "dig");
        BootNetwork net = BootNetwork.write(dir, "veth0", RACK);
        try (NetworkNamespace server = NetworkNamespace.create("e2s");
             NetworkNamespace router = NetworkNamespace.create("e2r");
             NetworkNamespace client = NetworkNamespace.create("e2c")) {
            NetworkNamespace.link(server, BootNetwork.SERVER + "/64", router, ROUTER_UPLINK + "/64");
            router.exec(STEP, "ip", "link", "set", "veth0", "name", "up0").orThrow();
            NetworkNamespace.link(router, ROUTER_RACK + "/64", client, null);
            router.exec(STEP, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1").orThrow();
            server.exec(STEP, "ip", "-6", "route", "add", RACK, "via", ROUTER_UPLINK).orThrow();
            // The rack's router, not ipv6boot, advertises on the rack link; a static route stands in for its RA.
            String routerLinkLocal = value(router.exec(STEP, "ip", "-6", "addr", "show", "dev", "veth0", "scope",
                    "link").orThrow().output(), "inet6 (fe80::[0-9a-f:]+)/64");
            client.exec(STEP, "ip", "-6", "route", "add", "default", "via", routerLinkLocal, "dev", "veth0").orThrow();

            ServeProcess serve = ServeProcess.start(server, net.config, dir.resolve("serve.log"));
            Path relayLog = dir.resolve("dhcrelay.log");
            router.start(relayLog, "dhcrelay", "-6", "-d", "--no-pid", "-l", "veth0",
                    "-u", BootNetwork.SERVER + "%up0");
            awaitRelayListening(relayLog);
            Clients c = new Clients(client, dir);

            String lease = c.dhclient("arch7", "option dhcp6.client-arch-type code 61 = array of unsigned integer 16;\n"
                    + "send dhcp6.client-arch-type 7;\nalso request dhcp6.bootfile-url;\n"
                    + "also request dhcp6.name-servers;\n");
            Matcher address = Pattern.compile("iaaddr (2001:db8:2::1:[0-9a-f]+) ").matcher(lease);
            assertTrue(address.find(), "an address from the rack's pool, chosen by the relay's link-address: " + lease
                    + "\nrelay: " + Files.readString(relayLog));
            assertEquals(BootNetwork.IPXE_EFI_URL, value(lease, "option dhcp6.bootfile-url \"([^\"]+)\";"));
            serve.awaitLogLine(STEP, "dhcp6 Solicit", "mac " + BootNetwork.CLIENT_MAC, "relayed");
            serve.awaitLogLine(STEP, "dhcp6 bound address " + address.group(1), "mac " + BootNetwork.CLIENT_MAC);
            String nameServer = value(lease, "option dhcp6.name-servers ([0-9a-f:]+);");
            c.await(STEP, out -> out.contains(address.group(1)), "ip", "-6", "addr", "show", "dev", "veth0");

            // Across the routed hop, from the leased address: ipxe.efi, then iPXE's script URL and the preseed.
            assertEquals(net.ipxeEfi, c.curl(BootNetwork.IPXE_EFI_URL));
            c.dhclient("ipxe", "option dhcp6.user-class code 15 = string;\n"
                    + "send dhcp6.user-class 00:04:69:50:58:45;\nalso request dhcp6.bootfile-url;\n", "-S");
            String scriptUrl = value(c.hookEnv("ipxe"), "new_dhcp6_bootfile_url=(\\S+)");
            assertEquals(BootNetwork.SCRIPT_URL, scriptUrl);
            serve.awaitLogLine(STEP, "dhcp6 Information-request", "mac " + BootNetwork.CLIENT_MAC, "iPXE", "relayed");
            String chained = value(c.curl(scriptUrl), "chain\\s+(?:--\\S+\\s+)*(\\S+)")
                    .replace("${netX/mac:hexhyp}", BootNetwork.clientMacHexhyp());
            String preseed = c.curl(value(c.curl(chained), "(?:preseed/)?url=(\\S+)"));
            assertTrue(preseed.contains(BootNetwork.CLIENT_HOSTNAME), preseed);
            assertEquals(BootNetwork.SERVER, c.dig(nameServer, BootNetwork.SERVER_NAME, "AAAA"));
            String served = serve.awaitLogLine(STEP, "GET", BootNetwork.clientMacHexhyp() + ".ipxe", "200");
            String from = value(served, "http \\[(\\S+)]:\\d+ GET");
            assertEquals(InetAddress.getByName(address.group(1)), InetAddress.getByName(from),
                    "the script was fetched from the leased address: " + served);
        }
    }

    /** dhcrelay prints its sockets when it is ready; bounded. */
    private static void awaitRelayListening(Path log) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (out.contains("Sending on") || out.contains("Listening on")) {
                Thread.sleep(500);   // it prints before its last socket is bound
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dhcrelay did not start in " + STEP.toSeconds() + " s: "
                + (Files.exists(log) ? Files.readString(log) : "no log"));
    }
}
