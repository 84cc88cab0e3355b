package dev.ipv6boot.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ipv6boot.preseed.ipxe.IpxeScript;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real firmware booting against our servers alone (issue 8, "Real boots, in qemu"): each boot ends with iPXE
 * fetching its per-machine script from us and that script fetching {@code /marker/<mac>}, which the test waits
 * for. Boots run one after another, each bounded by {@link #BOOT_TIMEOUT}; console, server log, qemu command
 * and (when dumpcap is installed) a capture of the server's link stay in {@code target/qemu-boots/<boot>/}.
 */
@PeerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QemuBootPeerTest {
    /** Seen taking 20–45 s; software emulation on a loaded CI machine is slower. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    /** OVMF falls back to its shell when every boot option failed: no use waiting any longer. */
    private static final String FIRMWARE_GAVE_UP = "UEFI Interactive Shell";
    /** Time for OVMF's IPv6 stack to finish DAD of its link-local address before HTTP Boot starts. */
    private static final Duration HTTP_BOOT_SETTLE = Duration.ofSeconds(8);
    private static final Path IPXE_EFI = Path.of("/usr/lib/ipxe/ipxe.efi");
    private static final Path ARTIFACTS = Path.of("target", "qemu-boots");
    private static final String SERVER = "[" + BootNetwork.SERVER_ADDRESS + "]";

    private OvmfFirmware firmware;

    @BeforeEach
    void requirePeers() {
        Peers.require("ip", QemuMachine.PROGRAM);
        firmware = OvmfFirmware.installed().orElse(null);
        if (firmware == null) {
            Peers.unavailable("no OVMF firmware in /usr/share/OVMF (package ovmf)");
        }
        if (!Files.isReadable(IPXE_EFI)) {
            Peers.unavailable(IPXE_EFI + " missing (package ipxe)");
        }
    }

    @Test
    @Order(1)
    void ipxeFromDiskWithOtherConfigFlagGetsItsScriptByInformationRequest() throws Exception {
        String mac = "52:54:00:b0:07:01";
        Boot boot = boot("ipxe-disk-other", mac, "other", (machine, esp) -> machine.fatDrive(esp));

        assertTrue(boot.has("dhcp6 INFORMATION-REQUEST answered REPLY mac " + mac, "user-class iPXE"), boot.report());
        assertTrue(boot.lines("dhcp6 SOLICIT").isEmpty(), "O without M: iPXE must not solicit an address\n" + boot.report());
        assertScriptsFetched(boot, mac);
    }

    @Test
    @Order(2)
    void ipxeFromDiskWithManagedFlagGetsAnAddressAndItsScript() throws Exception {
        String mac = "52:54:00:b0:07:02";
        Boot boot = boot("ipxe-disk-managed", mac, "managed", (machine, esp) -> machine.fatDrive(esp));

        assertTrue(boot.has("dhcp6 SOLICIT answered ADVERTISE mac " + mac, "user-class iPXE"), boot.report());
        assertTrue(boot.has("dhcp6 REQUEST answered REPLY mac " + mac, "user-class iPXE"), boot.report());
        assertTrue(boot.has("dhcp6 bound address " + BootNetwork.PREFIX, "for mac " + mac), boot.report());
        assertScriptsFetched(boot, mac);
    }

    @Test
    @Order(3)
    void uefiPxeLoadsIpxeOverTftpAndIpxeContinuesWithItsScript() throws Exception {
        String mac = "52:54:00:b0:07:03";
        Boot boot = boot("uefi-pxe6", mac, "managed", (machine, esp) -> machine
                .tianocore("IPv4PXESupport", "n").tianocore("IPv4Support", "n"));

        // The firmware: EDK2 PXE (vendor class PXEClient, arch 7, no user class) gets the tftp:// URL.
        assertTrue(boot.has("dhcp6 REQUEST answered REPLY mac " + mac, "vendor-class PXEClient", "user-class -"),
                boot.report());
        List<String> downloads = boot.lines("tftp RRQ ipxe.efi status 0 bytes " + Files.size(IPXE_EFI));
        assertEquals(1, downloads.size(), "ipxe.efi loaded once over TFTP\n" + boot.report());
        // Then iPXE, which the firmware started: it must get the script, not ipxe.efi again (the chain-load loop).
        assertTrue(boot.has("dhcp6 REQUEST answered REPLY mac " + mac, "user-class iPXE"), boot.report());
        assertTrue(boot.lines("http GET /ipxe.efi").isEmpty(), boot.report());
        assertScriptsFetched(boot, mac);
    }

    @Test
    @Order(4)
    void uefiHttpBootLoadsIpxeOverHttpAndIpxeContinuesWithItsScript() throws Exception {
        String mac = "52:54:00:b0:07:04";
        // HTTPv6 is then the only boot option. Started at once, OVMF 2022.11 fails it without sending a packet
        // ("Could not retrieve NBP file size", "Unexpected network error"): the link-local address is still in
        // DAD (its NS is the last frame captured). Behind HTTPv4 (90 s of DHCPv4) or a 6 s boot-menu wait it works.
        Boot boot = boot("uefi-http6", mac, "managed", (machine, esp) -> machine.bootMenuWait(HTTP_BOOT_SETTLE)
                .tianocore("IPv4PXESupport", "n").tianocore("IPv6PXESupport", "n").tianocore("IPv4Support", "n"));

        // The firmware: UEFI HTTP Boot (arch 0x0010, vendor class HTTPClient) gets the http:// URL.
        assertTrue(boot.has("dhcp6 REQUEST answered REPLY mac " + mac, "arch 0x0010", "vendor-class HTTPClient"),
                boot.report());
        List<String> gets = boot.lines("http GET /ipxe.efi status 200 bytes " + Files.size(IPXE_EFI));
        assertEquals(1, gets.size(), "ipxe.efi loaded once over HTTP\n" + boot.report());
        List<String> heads = boot.lines("http HEAD /ipxe.efi status 200");
        assertEquals(1, heads.size(), "EDK2 asks for the size first\n" + boot.report());
        assertEquals(port(heads.get(0)), port(gets.get(0)), "HEAD and GET on one connection\n" + boot.report());
        assertTrue(boot.lines("tftp RRQ ipxe.efi").isEmpty(), boot.report());
        assertTrue(boot.has("dhcp6 REQUEST answered REPLY mac " + mac, "user-class iPXE"), boot.report());
        assertScriptsFetched(boot, mac);
    }

    private static void assertScriptsFetched(Boot boot, String mac) {
        assertEquals(1, boot.lines("http GET /boot.ipxe status 200").size(), boot.report());
        assertEquals(1, boot.lines("http GET /boot/" + hyphenated(mac) + ".ipxe status 200").size(), boot.report());
    }

    /** What one boot left: how long it took until the marker, what the servers did, the console. */
    private record Boot(String name, Duration elapsed, List<String> events, String console) {
        List<String> lines(String prefix) {
            return events.stream().filter(line -> line.startsWith(prefix)).toList();
        }

        /** Some event starts with {@code prefix} and contains every one of {@code parts}. */
        boolean has(String prefix, String... parts) {
            return lines(prefix).stream().anyMatch(line -> Stream.of(parts).allMatch(line::contains));
        }

        String report() {
            return "boot " + name + " reached the marker after " + elapsed.toMillis() + " ms; server events:\n  "
                    + String.join("\n  ", events) + "\nconsole:\n" + console;
        }
    }

    /**
     * Boots one machine on a fresh network against fresh servers and returns once it fetched its marker.
     * {@code machine} configures the machine; its second argument is a directory holding Debian's iPXE as an EFI
     * system partition, for boots from disk. Fails, with console and server log, when qemu exits, the servers
     * die, or {@link #BOOT_TIMEOUT} passes.
     */
    private Boot boot(String name, String mac, String raFlag, BiConsumer<QemuMachine.Builder, Path> machine) throws Exception {
        Path dir = freshDirectory(ARTIFACTS.resolve(name).toAbsolutePath());
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.copy(IPXE_EFI, root.resolve("ipxe.efi"));
        Files.writeString(root.resolve("boot.ipxe"), IpxeScript.chainByMac("http://" + SERVER + "/boot", "netX").render());
        Files.createDirectories(root.resolve("boot"));
        String marker = "/marker/" + hyphenated(mac);
        Files.writeString(root.resolve("boot/" + hyphenated(mac) + ".ipxe"), IpxeScript.builder()
                .echo("ipv6boot: the per-machine script of " + mac)
                .chain("http://" + SERVER + marker)
                .build().render());
        Path policy = Files.writeString(dir.resolve("boot.policy"), policy());

        Path esp = dir.resolve("esp");
        Files.createDirectories(esp.resolve("EFI/BOOT"));
        Files.copy(IPXE_EFI, esp.resolve("EFI/BOOT/BOOTX64.EFI"));     // the removable-media boot loader
        QemuMachine.Builder builder = QemuMachine.builder(firmware, mac);
        machine.accept(builder, esp);
        try (BootNetwork network = BootNetwork.create()) {
            Process capture = startCapture(network, dir);
            try (BootServersProcess servers = BootServersProcess.start(network.server(), BootNetwork.SERVER_INTERFACE,
                    BootNetwork.SERVER_ADDRESS + "/64", raFlag, policy, root, dir.resolve("servers.log"));
                 QemuMachine qemu = builder.start(network.client(), BootNetwork.TAP, dir)) {
                String markerEvent = "http GET " + marker + " status 200";
                while (servers.events().stream().noneMatch(line -> line.startsWith(markerEvent))) {
                    boolean gaveUp = qemu.console().contains(FIRMWARE_GAVE_UP);
                    if (gaveUp || !qemu.alive() || !servers.alive() || qemu.uptime().compareTo(BOOT_TIMEOUT) > 0) {
                        fail("boot " + name + " did not reach " + marker + ": " + (gaveUp ? "every boot option failed"
                                : !qemu.alive() ? "qemu exited" : !servers.alive() ? "the servers exited"
                                : "timed out after " + BOOT_TIMEOUT)
                                + " (files in " + dir + ")\nqemu:\n" + qemu.qemuOutput() + "\nservers:\n"
                                + servers.output() + "\nconsole:\n" + qemu.console());
                    }
                    Thread.sleep(250);
                }
                Duration elapsed = qemu.uptime();
                System.out.printf("boot %s: marker fetched %.1f s after qemu started%n", name, elapsed.toMillis() / 1000.0);
                return new Boot(name, elapsed, servers.events(), qemu.console());
            } finally {
                stopCapture(capture);
            }
        }
    }

    private static String policy() {
        String a = BootNetwork.SERVER_ADDRESS;
        return String.join("\n",
                "authoritative",
                "option dns-servers " + a,
                "if member('IPXE')",
                "  option bootfile-url http://[" + a + "]/boot.ipxe",
                "elif member('EDK2_PXE')",
                "  option bootfile-url tftp://[" + a + "]/ipxe.efi",
                "elif member('UEFI_HTTP')",
                "  option bootfile-url http://[" + a + "]/ipxe.efi",
                "end",
                "subnet " + BootNetwork.PREFIX + "/64 interface " + BootNetwork.SERVER_INTERFACE,
                "  pool " + BootNetwork.PREFIX + "1:0 - " + BootNetwork.PREFIX + "1:ffff",
                "end",
                "");
    }

    private static Process startCapture(BootNetwork network, Path dir) throws IOException {
        if (Peers.which("dumpcap") == null) {
            return null;
        }
        return network.server().start(dir.resolve("capture.log"), "dumpcap", "-q", "-i",
                BootNetwork.SERVER_INTERFACE, "-w", dir.resolve("boot.pcapng").toString());
    }

    private static void stopCapture(Process capture) throws InterruptedException {
        if (capture != null) {
            capture.destroy();      // SIGTERM: dumpcap writes out what it buffered
            capture.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Path freshDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    private static String hyphenated(String mac) {
        return mac.replace(':', '-');
    }

    private static String port(String event) {
        return event.substring(event.lastIndexOf(" port ") + 6);
    }
}
