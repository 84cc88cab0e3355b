package dev.ipv6boot.examples.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.examples.serve.ServeProcess;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One machine on the server's link, played by real programs: the client namespace's kernel takes our RA (SLAAC
 * address, default route), {@code dhclient -6} gets the boot URL its class deserves (arch 7: ipxe.efi; user class
 * iPXE: the script), curl follows the script to the per-machine script and the preseed by the URLs written in
 * them, dig resolves the server's name through our forwarder, and the server's log (or {@code /status}) has each
 * step for the machine's MAC.
 */
@PeerTest
class OnLinkBootE2eTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aMachineOnTheLinkGoesFromRaToPreseed() throws Exception {
        Peers.require("ip", "dhclient", "curl", "dig");
        BootNetwork net = BootNetwork.write(dir, "veth0", null);
        try (NetworkNamespace server = NetworkNamespace.create("e2s");
             NetworkNamespace client = NetworkNamespace.create("e2c")) {
            NetworkNamespace.link(server, BootNetwork.SERVER + "/64", client, null);
            // The client's link stays down until the server runs, so its Router Solicitation reaches us.
            client.exec(STEP, "ip", "link", "set", "veth0", "down").orThrow();
            client.exec(STEP, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=0").orThrow();
            client.exec(STEP, "sysctl", "-qw", "net.ipv6.conf.veth0.accept_ra=2").orThrow();
            client.exec(STEP, "sysctl", "-qw", "net.ipv6.conf.veth0.autoconf=1").orThrow();
            ServeProcess serve = ServeProcess.start(server, net.config, dir.resolve("serve.log"));
            client.exec(STEP, "ip", "link", "set", "veth0", "up").orThrow();
            Clients c = new Clients(client, dir);

            // 1. The kernel takes the RA: a SLAAC address in the advertised prefix, and a default route.
            String addresses = c.await(STEP, out -> out.contains("inet6 2001:db8::") && out.contains("dynamic"),
                    "ip", "-6", "addr", "show", "dev", "veth0");
            assertTrue(Pattern.compile("inet6 2001:db8::[0-9a-f:]+/64 scope global dynamic").matcher(addresses).find(),
                    addresses);
            String routes = c.await(STEP, out -> out.contains("default via fe80::"), "ip", "-6", "route", "show");
            // the on-link route of a prefix learned from an RA expires with the prefix's valid lifetime
            assertTrue(Pattern.compile("2001:db8::/64 dev veth0 .*expires \\d+sec").matcher(routes).find(), routes);
            assertTrue(Pattern.compile("default via fe80::\\S+ dev veth0 proto ra").matcher(routes).find(), routes);
            String linkLocal = linkLocal(client);
            serve.awaitLogLine(STEP, "ra Router Solicitation from " + linkLocal);

            // 2. UEFI firmware (arch 7) solicits an address and gets ipxe.efi, which it can fetch.
            String lease = c.dhclient("arch7", "option dhcp6.client-arch-type code 61 = array of unsigned integer 16;\n"
                    + "send dhcp6.client-arch-type 7;\nalso request dhcp6.bootfile-url;\n"
                    + "also request dhcp6.name-servers;\n");
            Matcher address = Pattern.compile("iaaddr (2001:db8::1:[0-9a-f]+) ").matcher(lease);
            assertTrue(address.find(), lease);
            String bootUrl = value(lease, "option dhcp6.bootfile-url \"([^\"]+)\";");
            assertEquals(BootNetwork.IPXE_EFI_URL, bootUrl, lease);
            String nameServer = value(lease, "option dhcp6.name-servers ([0-9a-f:]+);");
            assertEquals(net.ipxeEfi, c.curl(bootUrl), "ipxe.efi byte for byte");
            serve.awaitLogLine(STEP, "dhcp6 Solicit", "mac " + BootNetwork.CLIENT_MAC, "arch 0x0007");
            serve.awaitLogLine(STEP, "dhcp6 bound address " + address.group(1), "mac " + BootNetwork.CLIENT_MAC);

            // 3. iPXE (user class "iPXE", after the RA's O flag: Information-request) gets the script URL.
            c.dhclient("ipxe", "option dhcp6.user-class code 15 = string;\n"
                    + "send dhcp6.user-class 00:04:69:50:58:45;\nalso request dhcp6.bootfile-url;\n", "-S");
            String env = c.hookEnv("ipxe");
            String scriptUrl = value(env, "new_dhcp6_bootfile_url=(\\S+)");
            assertEquals(BootNetwork.SCRIPT_URL, scriptUrl, env);
            serve.awaitLogLine(STEP, "dhcp6 Information-request", "mac " + BootNetwork.CLIENT_MAC, "iPXE");

            // 4. The script chains to the machine's own, which boots the kernel with the preseed's URL.
            String entry = c.curl(scriptUrl);
            assertTrue(entry.startsWith("#!ipxe"), entry);
            String chained = value(entry, "chain\\s+(?:--\\S+\\s+)*(\\S+)").replace("${netX/mac:hexhyp}",
                    BootNetwork.clientMacHexhyp());
            String machineScript = c.curl(chained);
            String kernelUrl = value(machineScript, "(?m)^kernel\\s+(?:--\\S+\\s+)*(\\S+)");
            assertEquals(net.kernel, c.curl(kernelUrl), "kernel byte for byte");
            String initrdUrl = value(machineScript, "(?m)^initrd\\s+(?:--\\S+\\s+)*(\\S+)");
            assertEquals(net.initrd, c.curl(initrdUrl), "initrd byte for byte");
            String preseedUrl = value(machineScript, "(?:preseed/)?url=(\\S+)");
            String preseed = c.curl(preseedUrl);
            assertTrue(preseed.contains("d-i "), preseed);
            assertTrue(preseed.contains(BootNetwork.CLIENT_HOSTNAME), "the machine's own answers: " + preseed);
            serve.awaitLogLine(STEP, "GET", BootNetwork.clientMacHexhyp() + ".ipxe", "200");
            serve.awaitLogLine(STEP, "GET", new java.net.URI(preseedUrl).getPath(), "200");

            // 5. The installer resolves the server's name through our forwarder, the server DHCPv6 named.
            assertEquals(BootNetwork.SERVER, c.dig(nameServer, BootNetwork.SERVER_NAME, "AAAA"));
            assertTrue(serve.alive(), serve.output());
        }
    }

    /**
     * {@code /status} is branch observe's; when this build does not serve it, the test says so and is skipped
     * rather than passing on nothing.
     */
    @Test
    void statusShowsTheMachinesStepsByMac() throws Exception {
        Peers.require("ip", "dhclient", "curl");
        BootNetwork net = BootNetwork.write(dir, "veth0", null);
        try (NetworkNamespace server = NetworkNamespace.create("e2s");
             NetworkNamespace client = NetworkNamespace.create("e2c")) {
            NetworkNamespace.link(server, BootNetwork.SERVER + "/64", client, null);
            ServeProcess serve = ServeProcess.start(server, net.config, dir.resolve("serve.log"));
            Command.Result status = serve.getInside("http://" + BootNetwork.ADMIN + "/status");
            Assumptions.assumeTrue(status.exitCode() == 0 && status.output().trim().startsWith("{"),
                    "this build serves no /status on " + BootNetwork.ADMIN + " (branch observe not merged): "
                            + status.output());
            Clients c = new Clients(client, dir);
            String lease = c.dhclient("arch7", "option dhcp6.client-arch-type code 61 = array of unsigned integer 16;\n"
                    + "send dhcp6.client-arch-type 7;\nalso request dhcp6.bootfile-url;\n");
            c.curl(value(lease, "option dhcp6.bootfile-url \"([^\"]+)\";"));
            long deadline = System.nanoTime() + STEP.toNanos();
            String body = "";
            while (System.nanoTime() < deadline) {
                body = serve.getInside("http://" + BootNetwork.ADMIN + "/status").output();
                if (body.contains(BootNetwork.CLIENT_MAC) && body.contains("ipxe.efi")) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(body.contains(BootNetwork.CLIENT_MAC), body);
            assertTrue(body.contains("ipxe.efi"), "the download is on the machine's timeline: " + body);
        }
    }

    private static String linkLocal(NetworkNamespace ns) {
        String out = ns.exec(Duration.ofSeconds(5), "ip", "-6", "addr", "show", "dev", "veth0", "scope", "link")
                .orThrow().output();
        return value(out, "inet6 (fe80::[0-9a-f:]+)/64");
    }

    static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }
}
