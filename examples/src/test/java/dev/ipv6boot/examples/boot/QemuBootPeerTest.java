package dev.ipv6boot.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ipv6boot.examples.serve.ServeProcess;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real firmware booting against {@code ipv6boot serve} alone in the server namespace (issue 8, "Real boots, in
 * qemu"): each boot ends with iPXE fetching its per-machine script from us, rendered from the machine's profile, and
 * that script fetching the profile's kernel, {@link ServeConfig#MARKER}, which the test waits for in serve's log.
 * What each boot did is asserted from serve's boot-event log and from its {@code /status} timeline of the machine.
 * Boots run one after another, each bounded by {@link #BOOT_TIMEOUT}; console, serve's configuration and log, the
 * {@code /status} answer, the qemu command and (when dumpcap is installed) a capture of the server's link stay in
 * {@code target/qemu-boots/<boot>/}.
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

    private OvmfFirmware firmware;

    @BeforeEach
    void requirePeers() {
        Peers.require("ip", "curl", QemuMachine.PROGRAM);
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
        Boot boot = boot("ipxe-disk-other", mac, false, (machine, esp) -> machine.fatDrive(esp));

        assertTrue(boot.dhcp6("Information-request -> Reply", mac).stream().anyMatch(Boot::fromIpxe), boot.report());
        assertTrue(boot.events("dhcp6 Solicit").isEmpty(), "O without M: iPXE must not solicit an address\n"
                + boot.report());
        assertScriptsFetched(boot, mac);
        assertTimeline(boot, mac, "IPXE", "SCRIPT", "KERNEL");
    }

    @Test
    @Order(2)
    void ipxeFromDiskWithManagedFlagGetsAnAddressAndItsScript() throws Exception {
        String mac = "52:54:00:b0:07:02";
        Boot boot = boot("ipxe-disk-managed", mac, true, (machine, esp) -> machine.fatDrive(esp));

        assertTrue(boot.dhcp6("Solicit -> Advertise", mac).stream().anyMatch(Boot::fromIpxe), boot.report());
        assertTrue(boot.dhcp6("Request -> Reply", mac).stream().anyMatch(Boot::fromIpxe), boot.report());
        assertTrue(boot.events("dhcp6 bound address " + BootNetwork.PREFIX).stream()
                .anyMatch(line -> line.contains(" for mac " + mac + " ")), "an address from the pool\n" + boot.report());
        assertScriptsFetched(boot, mac);
        assertTimeline(boot, mac, "IPXE", "SCRIPT", "KERNEL");
    }

    @Test
    @Order(3)
    void uefiPxeLoadsIpxeOverTftpAndIpxeContinuesWithItsScript() throws Exception {
        String mac = "52:54:00:b0:07:03";
        Boot boot = boot("uefi-pxe6", mac, true, (machine, esp) -> machine
                .tianocore("IPv4PXESupport", "n").tianocore("IPv4Support", "n"));

        // The firmware: EDK2 PXE (arch 7, vendor class PXEClient, no user class) gets the tftp:// URL.
        assertTrue(boot.dhcp6("Request -> Reply", mac).stream().anyMatch(line -> line.contains(" arch 0x0007")
                && !Boot.fromIpxe(line)), boot.report());
        assertTrue(boot.timelineHas("DHCPV6", detail -> detail.startsWith("Request -> Reply")
                && detail.contains("vendor class \"PXEClient") && !detail.contains("user class")), boot.report());
        List<Served> downloads = boot.served("tftp", "RRQ", "ipxe.efi").stream()
                .filter(s -> s.status() == 0 && s.bytes() == size(IPXE_EFI)).toList();
        assertEquals(1, downloads.size(), "ipxe.efi loaded whole once over TFTP\n" + boot.report());
        // Then iPXE, which the firmware started: it must get the script, not ipxe.efi again (the chain-load loop).
        assertTrue(boot.dhcp6("Request -> Reply", mac).stream().anyMatch(Boot::fromIpxe), boot.report());
        assertTrue(boot.served("http", "GET", "/ipxe.efi").isEmpty(), boot.report());
        assertScriptsFetched(boot, mac);
        assertTimeline(boot, mac, "FIRMWARE", "LOADER", "IPXE", "SCRIPT", "KERNEL");
    }

    @Test
    @Order(4)
    void uefiHttpBootLoadsIpxeOverHttpAndIpxeContinuesWithItsScript() throws Exception {
        String mac = "52:54:00:b0:07:04";
        // HTTPv6 is then the only boot option. Started at once, OVMF 2022.11 fails it without sending a packet
        // ("Could not retrieve NBP file size", "Unexpected network error"): the link-local address is still in
        // DAD (its NS is the last frame captured). Behind HTTPv4 (90 s of DHCPv4) or a 6 s boot-menu wait it works.
        Boot boot = boot("uefi-http6", mac, true, (machine, esp) -> machine.bootMenuWait(HTTP_BOOT_SETTLE)
                .tianocore("IPv4PXESupport", "n").tianocore("IPv6PXESupport", "n").tianocore("IPv4Support", "n"));

        // The firmware: UEFI HTTP Boot (arch 0x0010, vendor class HTTPClient) gets the http:// URL.
        assertTrue(boot.dhcp6("Request -> Reply", mac).stream().anyMatch(line -> line.contains(" arch 0x0010")
                && !Boot.fromIpxe(line)), boot.report());
        assertTrue(boot.timelineHas("DHCPV6", detail -> detail.startsWith("Request -> Reply")
                && detail.contains("(0x0010)") && detail.contains("vendor class \"HTTPClient")), boot.report());
        List<Served> gets = boot.served("http", "GET", "/ipxe.efi").stream()
                .filter(s -> s.status() == 200 && s.bytes() == size(IPXE_EFI)).toList();
        assertEquals(1, gets.size(), "ipxe.efi loaded once over HTTP\n" + boot.report());
        List<Served> heads = boot.served("http", "HEAD", "/ipxe.efi").stream().filter(s -> s.status() == 200).toList();
        assertEquals(1, heads.size(), "EDK2 asks for the size first\n" + boot.report());
        assertTrue(heads.get(0).index() < gets.get(0).index(), "HEAD before GET\n" + boot.report());
        assertEquals(heads.get(0).client(), gets.get(0).client(), "HEAD and GET on one connection\n" + boot.report());
        assertTrue(boot.served("tftp", "RRQ", "ipxe.efi").isEmpty(), boot.report());
        assertTrue(boot.dhcp6("Request -> Reply", mac).stream().anyMatch(Boot::fromIpxe), boot.report());
        assertScriptsFetched(boot, mac);
        assertTimeline(boot, mac, "FIRMWARE", "LOADER", "IPXE", "SCRIPT", "KERNEL");
    }

    /** iPXE fetched the entry script once, then its own script once, then the marker the latter names. */
    private static void assertScriptsFetched(Boot boot, String mac) {
        List<Served> entry = boot.served("http", "GET", ServeConfig.IPXE_SCRIPT_PATH);
        assertEquals(1, entry.size(), boot.report());
        assertEquals(200, entry.get(0).status(), boot.report());
        List<Served> own = boot.served("http", "GET", "/ipxe/" + hyphenated(mac) + ".ipxe");
        assertEquals(1, own.size(), boot.report());
        assertEquals(200, own.get(0).status(), boot.report());
        List<Served> marker = boot.served("http", "GET", ServeConfig.MARKER);
        assertEquals(1, marker.size(), boot.report());
        assertTrue(entry.get(0).index() < own.get(0).index() && own.get(0).index() < marker.get(0).index(),
                "entry script, machine's script, marker in that order\n" + boot.report());
    }

    /**
     * {@code /status} has the machine by its MAC, with its configured host name, one boot (no chain-load loop
     * started it over), nothing stuck or forgotten, and its timeline went through {@code stages} in that order
     * (before them only {@code SEEN}: Router Solicitations).
     */
    private static void assertTimeline(Boot boot, String mac, String... stages) {
        JsonNode m = boot.timeline();
        assertEquals(mac, m.path("mac").asText(), boot.report());
        assertEquals(boot.name(), m.path("hostname").asText(), boot.report());
        assertEquals(1, m.path("boots").asInt(), boot.report());
        assertFalse(m.path("stuck").asBoolean(), boot.report());
        assertEquals(0, m.path("droppedEvents").asLong(), boot.report());
        assertEquals(stages[stages.length - 1], m.path("stage").asText(), boot.report());
        List<String> passed = new ArrayList<>();
        for (JsonNode event : m.path("events")) {
            String stage = event.path("stage").asText();
            if (!stage.equals("SEEN") && (passed.isEmpty() || !passed.getLast().equals(stage))) {
                passed.add(stage);
            }
        }
        assertEquals(List.of(stages), passed, "the machine's stages on /status\n" + boot.report());
    }

    /** One HTTP request or TFTP transfer as serve logged it; {@code index} is its place among the boot events. */
    record Served(int index, String protocol, String client, String method, String target, int status, long bytes) {
        /** {@code http [fd00::2]:40312 GET /ipxe/boot.ipxe -> 200 381 bytes in 34 ms} ({@code BootEventLog.served}). */
        private static final Pattern LINE = Pattern.compile(
                "(http|tftp) (\\S+) (\\S+) (\\S+) -> (-?\\d+) (\\d+) bytes in \\d+ ms");

        static Served parse(int index, String line) {
            Matcher m = LINE.matcher(line);
            return m.matches() ? new Served(index, m.group(1), m.group(2), m.group(3), m.group(4),
                    Integer.parseInt(m.group(5)), Long.parseLong(m.group(6))) : null;
        }
    }

    /** What one boot left: how long it took until the marker, serve's events and status, the console. */
    private record Boot(String name, Duration elapsed, List<String> events, JsonNode timeline, String status,
                        String console) {
        List<String> events(String prefix) {
            return events.stream().filter(line -> line.startsWith(prefix)).toList();
        }

        /** DHCPv6 exchanges ({@code Solicit -> Advertise}) of the machine with {@code mac}. */
        List<String> dhcp6(String exchange, String mac) {
            return events.stream().filter(line -> line.startsWith("dhcp6 " + exchange + " mac " + mac)).toList();
        }

        /** {@code BootEventLog} ends a DHCPv6 line with {@code iPXE} when the client sent user class "iPXE". */
        static boolean fromIpxe(String dhcp6Line) {
            return List.of(dhcp6Line.split(" ")).contains("iPXE");
        }

        /** Requests of {@code target} (TFTP names with or without the leading '/'), in log order. */
        List<Served> served(String protocol, String method, String target) {
            String bare = target.startsWith("/") ? target.substring(1) : target;
            List<Served> out = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Served s = Served.parse(i, events.get(i));
                if (s != null && s.protocol().equals(protocol) && s.method().equals(method)
                        && (s.target().equals(target) || s.target().equals(bare) || s.target().equals("/" + bare))) {
                    out.add(s);
                }
            }
            return out;
        }

        /** The machine's {@code /status} timeline has an event of {@code kind} whose detail satisfies {@code detail}. */
        boolean timelineHas(String kind, Predicate<String> detail) {
            for (JsonNode event : timeline.path("events")) {
                if (event.path("kind").asText().equals(kind) && detail.test(event.path("detail").asText())) {
                    return true;
                }
            }
            return false;
        }

        String report() {
            return "boot " + name + " reached the marker after " + elapsed.toMillis() + " ms; serve's boot events:\n  "
                    + String.join("\n  ", events) + "\n/status:\n" + status + "\nconsole:\n" + console;
        }
    }

    /**
     * Boots one machine on a fresh network against a fresh {@code ipv6boot serve} and returns once the machine
     * fetched the marker (qemu is stopped then, before its firmware tries another boot option) and {@code /status}
     * was read. {@code machine} configures the machine; its second argument is a directory holding Debian's iPXE
     * as an EFI system partition, for boots from disk. Fails, with console and serve's log, when qemu exits, serve
     * dies, or {@link #BOOT_TIMEOUT} passes.
     */
    private Boot boot(String name, String mac, boolean managed, BiConsumer<QemuMachine.Builder, Path> machine)
            throws Exception {
        Path dir = freshDirectory(ARTIFACTS.resolve(name).toAbsolutePath());
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.copy(IPXE_EFI, root.resolve("ipxe.efi"));
        // Not a kernel: iPXE's "kernel" fetches it (the timeline's kernel stage) and then refuses it.
        Path marker = root.resolve(ServeConfig.MARKER.substring(1));
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "ipv6boot marker: the kernel of " + mac + "\n");
        Path config = new ServeConfig(managed, mac, name, root, dir.resolve("state")).write(dir.resolve("serve.yaml"));

        Path esp = dir.resolve("esp");
        Files.createDirectories(esp.resolve("EFI/BOOT"));
        Files.copy(IPXE_EFI, esp.resolve("EFI/BOOT/BOOTX64.EFI"));     // the removable-media boot loader
        QemuMachine.Builder builder = QemuMachine.builder(firmware, mac);
        machine.accept(builder, esp);
        try (BootNetwork network = BootNetwork.create()) {
            Process capture = startCapture(network, dir);
            try (ServeProcess serve = ServeProcess.start(network.server(), config, dir.resolve("serve.log"))) {
                Duration elapsed;
                String console;
                try (QemuMachine qemu = builder.start(network.client(), BootNetwork.TAP, dir)) {
                    while (serve.bootEvents().stream().map(line -> Served.parse(0, line))
                            .noneMatch(s -> s != null && s.method().equals("GET")
                                    && s.target().equals(ServeConfig.MARKER))) {
                        boolean gaveUp = qemu.console().contains(FIRMWARE_GAVE_UP);
                        if (gaveUp || !qemu.alive() || !serve.alive() || qemu.uptime().compareTo(BOOT_TIMEOUT) > 0) {
                            fail("boot " + name + " did not reach " + ServeConfig.MARKER + ": " + (gaveUp
                                    ? "every boot option failed" : !qemu.alive() ? "qemu exited"
                                    : !serve.alive() ? "ipv6boot serve exited" : "timed out after " + BOOT_TIMEOUT)
                                    + " (files in " + dir + ")\nqemu:\n" + qemu.qemuOutput() + "\nserve:\n"
                                    + serve.output() + "\nconsole:\n" + qemu.console());
                        }
                        Thread.sleep(250);
                    }
                    elapsed = qemu.uptime();
                    console = qemu.console();
                }
                System.out.printf("boot %s: marker fetched %.1f s after qemu started%n", name,
                        elapsed.toMillis() / 1000.0);
                JsonNode status = serve.status(ServeConfig.ADMIN);
                Files.writeString(dir.resolve("status.json"), status.toPrettyString());
                JsonNode timeline = machineOn(status, mac);
                assertNotNull(timeline, "no machine " + mac + " on /status:\n" + status.toPrettyString());
                return new Boot(name, elapsed, serve.bootEvents(), timeline, status.toPrettyString(), console);
            } finally {
                stopCapture(capture);
            }
        }
    }

    private static JsonNode machineOn(JsonNode status, String mac) {
        for (JsonNode m : status.path("machines")) {
            if (m.path("mac").asText().equals(mac)) {
                return m;
            }
        }
        return null;
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hyphenated(String mac) {
        return mac.replace(':', '-');
    }
}
