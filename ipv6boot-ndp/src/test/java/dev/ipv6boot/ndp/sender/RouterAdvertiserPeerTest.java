package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.MtuOption;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouteInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.RouterPreference;
import dev.ipv6boot.ndp.codec.SourceLinkLayerAddress;
import dev.ipv6boot.ndp.config.RadvdConf;
import dev.ipv6boot.ndp.config.RadvdConfReader;
import dev.ipv6boot.ndp.config.RadvdInterface;
import dev.ipv6boot.testkit.peer.Command;
import dev.ipv6boot.testkit.peer.NetworkNamespace;
import dev.ipv6boot.testkit.peer.PeerTest;
import dev.ipv6boot.testkit.peer.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our advertiser, in this JVM on the root end of a veth pair, against independent programs and the Linux kernel
 * in a client namespace. Fast timing (MinDelayBetweenRAs 3 s as the RFC says, intervals of seconds) keeps it short.
 */
@PeerTest
class RouterAdvertiserPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AdvertisingSettings FAST = AdvertisingSettings.intervals(Duration.ofSeconds(4),
            Duration.ofSeconds(6));

    private static RouterAdvertisement bootNetworkRa(RootLink link) {
        return RouterAdvertisement.builder().otherConfig(true).routerLifetime(1800)
                .preference(RouterPreference.HIGH)
                .option(PrefixInformation.slaac(Ipv6Address.parse(link.prefix), 64))
                .option(new RouteInformation(Ipv6Address.parse("fd00:6e64:ffff::"), 48, RouterPreference.LOW, 900))
                .option(new RecursiveDnsServers(600, List.of(Ipv6Address.parse(link.prefix + "53"))))
                .option(new DnsSearchList(600, List.of("boot.example", "example")))
                .option(new MtuOption(1500))
                .build();
    }

    @Test
    void rdisc6SeesTheFlagsPrefixLifetimesRdnssAndDnsslWeConfigured() throws Exception {
        Peers.require("rdisc6");
        try (NetworkNamespace client = NetworkNamespace.create("ndpc");
             RootLink link = RootLink.to(client);
             RouterAdvertiser advertiser = RouterAdvertiser.start(link.name, bootNetworkRa(link), FAST,
                     RouterAdvertiserListener.NONE)) {
            Command.Result result = client.exec(WAIT, "rdisc6", "-1", "-r", "5", "-w", "2000", "veth0");
            String out = result.output();
            assertEquals(0, result.exitCode(), out);
            assertField(out, "Stateful address conf\\.", "No");
            assertField(out, "Stateful other conf\\.", "Yes");
            assertField(out, "Router preference", "high");
            assertField(out, "Router lifetime", "1800 \\(0x00000708\\) seconds");
            assertField(out, "Prefix", link.prefix + "/64");
            assertField(out, "On-link", "Yes");
            assertField(out, "Autonomous address conf\\.", "Yes");
            assertField(out, "Valid time", "86400 \\(0x00015180\\) seconds");
            assertField(out, "Pref\\. time", "14400 \\(0x00003840\\) seconds");
            assertField(out, "Route", "fd00:6e64:ffff::/48");
            assertField(out, "Route preference", "low");
            assertField(out, "Recursive DNS server", link.prefix + "53");
            assertField(out, "DNS server lifetime", "600 \\(0x00000258\\) seconds");
            assertField(out, "DNS search list", "boot.example example");
            assertField(out, "DNS search list lifetime", "600 \\(0x00000258\\) seconds");
            assertField(out, "MTU", "1500 bytes \\(valid\\)");
            assertField(out, "Source link-layer address", "02:00:00:00:00:01");
            assertTrue(out.matches("(?s).*\\n from fe80::1\\s*$"), "sent from the link-local address: " + out);
            RouterAdvertiserCounters counters = advertiser.counters();
            assertTrue(counters.solicitations() >= 1, counters.toString());
            assertTrue(counters.answeredUnicast() >= 1, "RFC 7772 unicast answer: " + counters);
        }
    }

    @Test
    void radvdumpReadsBackOurRaAndTheLastRaWithLifetimeZero(@TempDir Path dir) throws Exception {
        Peers.require("radvdump");
        Path dump = dir.resolve("radvdump.log");
        try (NetworkNamespace client = NetworkNamespace.create("ndpd");
             RootLink link = RootLink.to(client)) {
            client.start(dump, "radvdump");
            Thread.sleep(1000);                                  // radvdump must listen before the first RA
            RouterAdvertisement ra = bootNetworkRa(link);
            try (RouterAdvertiser advertiser = RouterAdvertiser.start(link.name, ra, FAST, RouterAdvertiserListener.NONE)) {
                List<RadvdInterface> seen = awaitDumps(dump, 1);
                assertEquals(ra, seen.get(0).advertisement(), "radvdump's rendering, read back by our reader");
                assertTrue(advertiser.counters().multicastAdvertisements() >= 1);
            }
            List<RadvdInterface> seen = awaitDumps(dump, -1);
            RouterAdvertisement last = seen.get(seen.size() - 1).advertisement();
            assertEquals(0, last.routerLifetime(), "RFC 4861 §6.2.5 final RA");
            assertEquals(ra.finalAdvertisement().options(), last.options(), "RDNSS/DNSSL flushed, the rest kept");
        }
    }

    @Test
    void ourAdvertiserSendsWhatRadvdSendsForTheSeedConfiguration(@TempDir Path dir) throws Exception {
        Peers.require("radvd", "radvdump");
        String seed = Files.readString(Path.of(getClass().getResource("/vectors/seed-radvd.conf").toURI()));
        String radvdDump;
        String ourDump;
        // 1. radvd itself, in a server namespace whose veth0 holds the same kind of /64 as our root link below.
        try (NetworkNamespace server = NetworkNamespace.create("ndps");
             NetworkNamespace client = NetworkNamespace.create("ndpc")) {
            NetworkNamespace.link(server, "fd00:6e64:5eed::1/64", client, null);
            Path conf = dir.resolve("radvd.conf");
            Files.writeString(conf, seed.replace("interface eth1", "interface veth0"));
            Path dumpLog = dir.resolve("radvd-dump.log");
            client.start(dumpLog, "radvdump");
            Thread.sleep(1000);
            server.start(dir.resolve("radvd.log"), "radvd", "-n", "-m", "stderr", "-C", conf.toString(),
                    "-p", dir.resolve("radvd.pid").toString());
            awaitDumps(dumpLog, 1);
            radvdDump = firstDump(dumpLog);
        }
        // 2. Our reader and advertiser with the same file, on a link holding the same prefix.
        try (NetworkNamespace client = NetworkNamespace.create("ndpc");
             RootLink link = RootLink.to(client)) {
            Command.run(WAIT, "ip", "-6", "addr", "add", "fd00:6e64:5eed::1/64", "dev", link.name, "nodad").orThrow();
            RadvdConf conf = RadvdConfReader.systemInterfaces().read(seed.replace("interface eth1",
                    "interface " + link.name));
            RadvdInterface configured = conf.interfaces().get(0);
            Path dumpLog = dir.resolve("our-dump.log");
            client.start(dumpLog, "radvdump");
            Thread.sleep(1000);
            RouterAdvertisement withoutOwnPrefix = configured.advertisement().toBuilder().build();
            // Only the seed's prefix: drop the random ULA of the root link, which radvd's link did not have.
            RouterAdvertisement.Builder b = RouterAdvertisement.builder().flags(withoutOwnPrefix.flags())
                    .curHopLimit(withoutOwnPrefix.curHopLimit()).routerLifetime(withoutOwnPrefix.routerLifetime());
            withoutOwnPrefix.options().stream()
                    .filter(o -> !(o instanceof PrefixInformation p) || p.prefix().toString().equals("fd00:6e64:5eed::"))
                    .forEach(b::option);
            try (RouterAdvertiser advertiser = RouterAdvertiser.start(link.name, b.build(), configured.settings(),
                    RouterAdvertiserListener.NONE)) {
                awaitDumps(dumpLog, 1);
                ourDump = firstDump(dumpLog);
                assertEquals(1, advertiser.advertisements().size());
                assertEquals(1, advertiser.advertisements().get(0).options(SourceLinkLayerAddress.class).size());
            }
        }
        assertEquals(normalize(radvdDump), normalize(ourDump), "radvdump of radvd vs radvdump of ours");
    }

    @Test
    void theLinuxKernelTakesAPrefixAndADefaultRoute() throws Exception {
        Peers.require("ip", "sysctl");
        try (NetworkNamespace client = NetworkNamespace.create("ndpk");
             RootLink link = RootLink.to(client, "forwarding=0", "accept_ra=2", "autoconf=1",
                     "accept_ra_rt_info_max_plen=64");   // RFC 4191 routes: Linux takes none by default
             RouterAdvertiser advertiser = RouterAdvertiser.start(link.name, bootNetworkRa(link), FAST,
                     RouterAdvertiserListener.NONE)) {
            String addresses = awaitOutput(client, s -> s.contains(link.prefix.substring(0, link.prefix.length() - 1)),
                    "ip", "-6", "addr", "show", "dev", "veth0");
            assertTrue(addresses.contains(link.prefix + "ff:fe00:2/64"), "SLAAC from EUI-64: " + addresses);
            assertTrue(addresses.contains("dynamic"), addresses);
            String routes = awaitOutput(client, s -> s.contains("default via fe80::1"),
                    "ip", "-6", "route", "show", "dev", "veth0");
            assertTrue(routes.matches("(?s).*default via fe80::1 proto ra .*pref high.*"), routes);
            String more = awaitOutput(client, s -> s.contains("fd00:6e64:ffff::/48"), "ip", "-6", "route", "show");
            assertTrue(more.contains("fd00:6e64:ffff::/48 via fe80::1"), "RFC 4191 route: " + more);
            assertTrue(advertiser.counters().sendErrors() == 0, advertiser.counters().toString());
        }
    }

    @Test
    void anRsStormIsAnsweredWithinTheRateLimitsAndTheAdvertiserStaysResponsive() throws Exception {
        Peers.require("rdisc6");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (NetworkNamespace client = NetworkNamespace.create("ndpr");
             RootLink link = RootLink.to(client);
             RouterAdvertiser advertiser = RouterAdvertiser.start(link.name, bootNetworkRa(link),
                     FAST.withUnicastResponsesPerSecond(50), RouterAdvertiserListener.NONE)) {
            Thread.sleep(500);
            RouterAdvertiserCounters before = advertiser.counters();
            long start = System.nanoTime();
            Command.Result storm = client.exec(Duration.ofSeconds(60), java, "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), RsStorm.class.getName(), "veth0", "5000");
            assertEquals(0, storm.exitCode(), storm.output());
            assertTrue(storm.output().contains("sent 5000 RS"), storm.output());
            Thread.sleep(1500);                                  // let delayed answers (≤ 500 ms) go out
            double seconds = (System.nanoTime() - start) / 1e9;
            RouterAdvertiserCounters after = advertiser.counters();
            long solicitations = after.solicitations() - before.solicitations();
            long unicast = after.unicastAdvertisements() - before.unicastAdvertisements();
            long multicast = after.multicastAdvertisements() - before.multicastAdvertisements();
            assertTrue(solicitations >= 1000, "most of the storm arrived: " + after);
            assertTrue(unicast <= 50 * (Math.ceil(seconds) + 1), "unicast answers capped at 50/s: " + unicast
                    + " in " + seconds + " s");
            assertTrue(unicast >= 40, "but the cap is used: " + unicast);
            assertTrue(multicast <= Math.ceil(seconds / 3) + 1, "multicast at most one per 3 s: " + multicast
                    + " in " + seconds + " s");
            assertEquals(solicitations, after.answeredUnicast() - before.answeredUnicast()
                    + after.answeredByMulticast() - before.answeredByMulticast(), "every RS answered one way or the other");
            Command.Result probe = client.exec(WAIT, "rdisc6", "-1", "-r", "3", "-w", "2000", "veth0");
            assertEquals(0, probe.exitCode(), "still answering after the storm: " + probe.output());
            assertTrue(probe.output().contains(link.prefix + "/64"), probe.output());
        }
    }

    @Test
    void withoutCapNetRawTheErrorSaysSo() throws Exception {
        Peers.require("setpriv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (NetworkNamespace client = NetworkNamespace.create("ndpp");
             RootLink link = RootLink.to(client)) {
            // Still root, but CAP_NET_RAW is gone from the bounding set, so the child JVM cannot have it.
            Command.Result result = Command.run(Duration.ofSeconds(60), "setpriv", "--bounding-set", "-net_raw",
                    java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    RsStorm.class.getName(), link.name, "1");
            assertTrue(result.exitCode() != 0, result.output());
            assertTrue(result.output().contains("RawSocketException: raw ICMPv6 socket refused (Operation not permitted"
                    + " (errno 1)): the process needs CAP_NET_RAW"), result.output());
        }
    }

    // ---- helpers ----

    private static void assertField(String rdisc6Output, String label, String value) {
        Pattern p = Pattern.compile("(?m)^\\s*" + label + "\\s*:\\s*" + value + "\\s*$");
        assertTrue(p.matcher(rdisc6Output).find(), "rdisc6 shows " + label + ": " + value + "\n" + rdisc6Output);
    }

    /** Waits until radvdump has printed {@code count} RAs (or, for -1, until its output stops growing). */
    private static List<RadvdInterface> awaitDumps(Path log, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String previous = "";
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            int complete = countOf(text, "End of interface definition");
            if ((count > 0 && complete >= count) || (count < 0 && complete > 0 && text.equals(previous))) {
                return parseDumps(text);
            }
            previous = text;
            Thread.sleep(count < 0 ? 1000 : 200);
        }
        fail("radvdump printed no RA in " + WAIT + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
        return List.of();
    }

    private static List<RadvdInterface> parseDumps(String text) throws Exception {
        List<RadvdInterface> dumps = new ArrayList<>();
        RadvdConfReader reader = new RadvdConfReader(name -> List.of());
        for (String block : text.split("(?<=End of interface definition)")) {
            if (block.contains("End of interface definition")) {
                RadvdConf conf = reader.read(block);
                assertTrue(conf.warnings().isEmpty(), "radvdump printed only what we read: " + conf.warnings());
                dumps.add(conf.interfaces().get(0));
            }
        }
        return dumps;
    }

    private static String firstDump(Path log) throws Exception {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("End of interface definition"));
    }

    /** radvdump's text without what differs by design: the sender's link-local address and interface names. */
    private static String normalize(String dump) {
        return dump.replaceAll("(?m)^# based on Router Advertisement from .*$", "")
                .replaceAll("(?m)^# received by interface .*$", "")
                .replaceAll("(?m)^interface \\S+", "interface X").trim();
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static String awaitOutput(NetworkNamespace ns, Predicate<String> done, String... command)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String output = "";
        while (System.nanoTime() < deadline) {
            output = ns.exec(Duration.ofSeconds(5), command).output();
            if (done.test(output)) {
                return output;
            }
            Thread.sleep(250);
        }
        fail("not seen within " + WAIT + " from " + String.join(" ", command) + ":\n" + output);
        return output;
    }

}
