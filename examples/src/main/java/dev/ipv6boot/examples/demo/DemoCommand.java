package dev.ipv6boot.examples.demo;

import dev.ipv6boot.examples.config.BootCatalog;
import dev.ipv6boot.examples.config.ConfigException;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigProblem;
import dev.ipv6boot.examples.config.ConfigTranslator;
import dev.ipv6boot.examples.config.Translation;
import dev.ipv6boot.examples.observe.BootEvent;
import dev.ipv6boot.examples.observe.BootObserver;
import dev.ipv6boot.examples.observe.TimelinePrinter;
import dev.ipv6boot.examples.serve.BootListeners;
import dev.ipv6boot.examples.serve.Ipv6bootServer;
import dev.ipv6boot.preseed.net.MacAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipv6boot demo}: every service on the loopback ({@code [::1]}, unprivileged ports, no root), the seed's
 * corrected policy, a bundled artifact tree; then a captured UEFI PXE client and a captured iPXE client boot against
 * it, step by step, and each machine's timeline is printed as the server saw it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole boot server on the loopback (no root, no configuration) and boot a UEFI PXE"
                + " client and an iPXE client against it, printing each step and each machine's boot timeline.",
            "Exit status: 0 when both clients completed, 1 when a step failed (it is named), 2 when the demo could"
                    + " not start."})
public final class DemoCommand implements Callable<Integer> {
    private static final String RESOURCES = "/dev/ipv6boot/examples/demo/";
    private static final List<String> ARTIFACTS = List.of("ipxe.efi", "ubuntu-installer/amd64/linux",
            "ubuntu-installer/amd64/initrd.gz");
    static final MacAddress UEFI_MAC = MacAddress.parse("52:54:00:12:34:56");
    static final MacAddress IPXE_MAC = MacAddress.parse("52:54:00:00:00:02");

    @Option(names = "--keep", description = "keep the demo's temporary directory (artifacts, journal, config)")
    boolean keep;

    @Spec
    CommandSpec spec;

    /** One step a client took; {@code detail} says what it got, or why it failed. */
    record Step(String client, String name, boolean ok, String detail) {
    }

    private final List<Step> steps = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // the demo prints its own story; the services' info lines would interleave with it
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Path dir = Files.createTempDirectory("ipv6boot-demo-");
        try {
            return run(dir, out, err);
        } finally {
            if (keep) {
                out.println("kept " + dir);
            } else {
                deleteTree(dir);
            }
            out.flush();
        }
    }

    private int run(Path dir, PrintWriter out, PrintWriter err) throws Exception {
        Path root = dir.resolve("root");
        for (String artifact : ARTIFACTS) {
            Path target = root.resolve(artifact);
            Files.createDirectories(target.getParent());
            Files.write(target, resource("root/" + artifact));
        }
        int[] ports = freePorts(5);
        Map<String, String> values = Map.of("{{dhcp6}}", Integer.toString(ports[0]), "{{http}}", Integer.toString(ports[1]),
                "{{tftp}}", Integer.toString(ports[2]), "{{dns}}", Integer.toString(ports[3]),
                "{{upstream}}", Integer.toString(ports[4]), "{{root}}", root.toString(),
                "{{state}}", dir.resolve("state").toString());
        String text = new String(resource("demo.yaml"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        Files.writeString(dir.resolve("demo.yaml"), text);
        Translation t;
        try {
            t = ConfigTranslator.translate(ConfigLoader.parse(text, "demo.yaml"), text);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p.format("demo.yaml")));
            return 2;
        }
        for (ConfigProblem p : t.problems()) {
            err.println(p.format("demo.yaml"));
        }
        if (t.hasErrors()) {
            return 2;
        }
        BootObserver.Builder observing = BootObserver.builder();
        t.boot().machines().forEach((mac, machine) -> observing.hostname(mac.toString(), machine.hostname()));
        BootObserver observer = observing.build();
        LoopbackClients clients = new LoopbackClients(observer);
        try (Ipv6bootServer server = Ipv6bootServer.start(t, new BootListeners(observer, observer, clients, observer))) {
            InetSocketAddress dhcp6 = server.dhcp6Address().orElseThrow();
            out.println("ipv6boot demo: the boot server on the loopback, no root, the seed deployment's policy");
            out.println("  dhcp6  [::1]:" + dhcp6.getPort() + "  relayed: the demo is the rack's relay agent"
                    + " (link 2001:db8::/64), since link-local multicast needs a real interface");
            out.println("  http   [::1]:" + ports[1] + "  root " + root);
            out.println("  tftp   [::1]:" + ports[2]);
            out.println("  dns    [::1]:" + ports[3]);
            out.println("  ra     skipped: Router Advertisements need a raw ICMPv6 socket (CAP_NET_RAW) on a real"
                    + " interface; 'serve' sends them");
            out.println();
            bootUefiClient(dhcp6, clients, out);
            out.println();
            bootIpxeClient(dhcp6, clients, t.boot(), out);
            awaitEvents(observer);
            out.println();
            out.println("boot timelines, as the server's boot observer saw them:");
            for (MacAddress mac : List.of(UEFI_MAC, IPXE_MAC)) {
                observer.machine(mac.toString()).ifPresent(m -> out.print(TimelinePrinter.toString(m)));
            }
        }
        out.println();
        Step failed = steps.stream().filter(s -> !s.ok()).findFirst().orElse(null);
        if (failed != null) {
            out.println("FAILED: " + failed.client() + ": " + failed.name() + ": " + failed.detail());
            return 1;
        }
        out.println("both clients completed: " + steps.size() + " steps");
        return 0;
    }

    // ---- the clients -----------------------------------------------------------------------------------------

    /** UEFI PXE firmware: Solicit → Advertise with a tftp:// URL → Request/Reply → TFTP fetch of ipxe.efi. */
    private void bootUefiClient(InetSocketAddress dhcp6, LoopbackClients clients, PrintWriter out) {
        String who = "UEFI PXE client";
        out.println(who + " " + UEFI_MAC + ": the captured Solicit of OVMF's EDK2 PXEv6 (arch 7, PXEClient)");
        byte[] solicit = DemoClient.withTransactionId(hex("edk2-pxe-solicit.hex"), ThreadLocalRandom.current().nextInt(1 << 24));
        try (DemoClient client = new DemoClient(UEFI_MAC, dhcp6)) {
            DemoClient.Reply advertise = client.exchange(solicit);
            if (!check(out, who, "Solicit -> Advertise", advertise.type() == 2 && advertise.hasAddress()
                    && advertise.bootUrl() != null && advertise.bootUrl().startsWith("tftp://"),
                    "boot URL " + advertise.bootUrl() + ", address " + advertise.address())) {
                return;
            }
            byte[] request = DemoClient.request(solicit, ThreadLocalRandom.current().nextInt(1 << 24), advertise);
            DemoClient.Reply reply = client.exchange(request);
            if (!check(out, who, "Request -> Reply", reply.type() == 7 && reply.addressLow() == advertise.addressLow()
                    && reply.addressHigh() == advertise.addressHigh(), "address " + reply.address() + " bound")) {
                return;
            }
            clients.playing(reply.addressHigh(), reply.addressLow());
            URI url = URI.create(advertise.bootUrl());
            byte[] file = DemoClient.tftpGet(url);
            byte[] expected = resource("root/ipxe.efi");
            check(out, who, "TFTP " + url.getPath(), Arrays.equals(file, expected),
                    file.length + " bytes, identical to the served file");
        } catch (IOException | RuntimeException e) {
            check(out, who, "exchange", false, e.toString());
        }
    }

    /**
     * iPXE: Solicit with user class iPXE → Advertise with the http:// script URL → Request/Reply → the generic
     * script → the machine's own script → kernel → initrd → preseed, each by the URL the previous one named.
     */
    private void bootIpxeClient(InetSocketAddress dhcp6, LoopbackClients clients, BootCatalog boot, PrintWriter out) {
        String who = "iPXE client";
        out.println(who + " " + IPXE_MAC + ": the captured Solicit of iPXE's ipxe.efi (user class iPXE, arch 7)");
        byte[] solicit = DemoClient.withTransactionId(hex("ipxe-solicit.hex"), ThreadLocalRandom.current().nextInt(1 << 24));
        try (DemoClient client = new DemoClient(IPXE_MAC, dhcp6)) {
            DemoClient.Reply advertise = client.exchange(solicit);
            if (!check(out, who, "Solicit -> Advertise", advertise.type() == 2 && advertise.bootUrl() != null
                    && advertise.bootUrl().startsWith("http://"), "boot URL " + advertise.bootUrl())) {
                return;
            }
            DemoClient.Reply reply = client.exchange(DemoClient.request(solicit,
                    ThreadLocalRandom.current().nextInt(1 << 24), advertise));
            if (!check(out, who, "Request -> Reply", reply.type() == 7 && reply.hasAddress(),
                    "address " + reply.address() + " bound")) {
                return;
            }
            clients.playing(reply.addressHigh(), reply.addressLow());
            String entry = text(client.httpGet(advertise.bootUrl()));
            String chain = firstMatch(entry, "(http://\\S+\\$\\{netX/mac:hexhyp\\}\\.ipxe)");
            if (!check(out, who, "GET " + URI.create(advertise.bootUrl()).getPath(), chain != null,
                    "chains to " + chain)) {
                return;
            }
            // what iPXE does with ${netX/mac:hexhyp}: the booting interface's MAC, hyphen-separated
            String scriptUrl = chain.replace("${netX/mac:hexhyp}", IPXE_MAC.hexhyp());
            String script = text(client.httpGet(scriptUrl));
            String kernel = firstMatch(script, "(?m)^kernel (\\S+)");
            String initrd = firstMatch(script, "(?m)^initrd (\\S+)");
            String preseed = firstMatch(script, "preseed/url=(\\S+)");
            if (!check(out, who, "GET " + URI.create(scriptUrl).getPath(), kernel != null && initrd != null
                    && preseed != null, "kernel " + URI.create(String.valueOf(kernel)).getPath() + ", initrd "
                    + URI.create(String.valueOf(initrd)).getPath() + ", preseed/url on the kernel line")) {
                return;
            }
            for (String url : List.of(kernel, initrd)) {
                byte[] body = client.httpGet(url);
                String path = URI.create(url).getPath();
                if (!check(out, who, "GET " + path, Arrays.equals(body, resource("root" + path)),
                        body.length + " bytes")) {
                    return;
                }
            }
            String answers = text(client.httpGet(preseed));
            String hostname = boot.machine(IPXE_MAC.toString()).map(m -> m.hostname()).orElse("?");
            check(out, who, "GET " + URI.create(preseed).getPath(),
                    answers.contains("netcfg/get_hostname string " + hostname),
                    answers.lines().count() + " lines of d-i answers for " + hostname);
        } catch (IOException | RuntimeException e) {
            check(out, who, "exchange", false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check(out, who, "exchange", false, "interrupted");
        }
    }

    private boolean check(PrintWriter out, String client, String step, boolean ok, String detail) {
        steps.add(new Step(client, step, ok, detail));
        out.printf("  %-4s %-36s %s%n", ok ? "ok" : "FAIL", step, detail);
        out.flush();
        return ok;
    }

    /** The services report a download once its last byte is handed to the kernel: maybe after the client has it. */
    private static void awaitEvents(BootObserver observer) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline && (count(observer, UEFI_MAC, BootEvent.Kind.TFTP) < 1
                || count(observer, IPXE_MAC, BootEvent.Kind.HTTP) < 5)) {
            Thread.sleep(20);
        }
    }

    private static long count(BootObserver observer, MacAddress mac, BootEvent.Kind kind) {
        return observer.machine(mac.toString()).map(m -> m.events().stream().filter(e -> e.kind() == kind).count())
                .orElse(0L);
    }

    /** The steps taken so far (for tests). */
    List<Step> steps() {
        return List.copyOf(steps);
    }

    // ---- resources, ports, files -----------------------------------------------------------------------------

    static byte[] resource(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " (a broken jar?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(String name) {
        return HexFormat.of().parseHex(new String(resource(name), StandardCharsets.US_ASCII).trim());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Ports free for both UDP and TCP on [::1], chosen by the kernel: fixed ports would collide with another demo
     * (or a test run of it) on the same machine. Another program could take one before the servers bind it; the
     * demo then fails to start, saying which.
     */
    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        InetAddress loopback = InetAddress.getByName("::1");
        List<AutoCloseable> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                while (true) {
                    ServerSocket tcp = new ServerSocket(0, 1, loopback);
                    try {
                        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
                        held.add(tcp);
                        held.add(udp);
                        ports[i] = tcp.getLocalPort();
                        break;
                    } catch (IOException taken) {
                        tcp.close();
                    }
                }
            }
        } finally {
            for (AutoCloseable c : held) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a probe socket cannot matter
                }
            }
        }
        return ports;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
