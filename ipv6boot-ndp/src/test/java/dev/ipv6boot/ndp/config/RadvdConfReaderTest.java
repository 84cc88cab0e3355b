package dev.ipv6boot.ndp.config;

import dev.ipv6boot.ndp.codec.CaptivePortal;
import dev.ipv6boot.ndp.codec.DnsSearchList;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.codec.MtuOption;
import dev.ipv6boot.ndp.codec.Pref64;
import dev.ipv6boot.ndp.codec.PrefixInformation;
import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import dev.ipv6boot.ndp.codec.RouteInformation;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.codec.RouterPreference;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadvdConfReaderTest {
    private static final RadvdConfReader READER = new RadvdConfReader(name -> List.of(
            new RadvdConfReader.AssignedAddress(Ipv6Address.parse("fe80::1"), 64),
            new RadvdConfReader.AssignedAddress(Ipv6Address.parse("2001:db8::1"), 64),
            new RadvdConfReader.AssignedAddress(Ipv6Address.parse("2001:db8:ffff::1"), 48)));

    @Test
    void readsTheSeedConfigurationAsRadvdSendsIt() throws Exception {
        Path seed = Path.of(getClass().getResource("/vectors/seed-radvd.conf").toURI());
        RadvdConf conf = READER.read(seed);
        RadvdInterface eth1 = conf.forInterface("eth1").orElseThrow();
        // The fields of radvd's RA in ndp-radvd-rs-ra.pcap, less the source link-layer address the advertiser adds.
        RouterAdvertisement expected = RouterAdvertisement.builder().curHopLimit(64).otherConfig(true)
                .routerLifetime(180)
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
                .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"))))
                .build();
        assertEquals(expected, eth1.advertisement());
        assertTrue(eth1.sendAdvert());
        assertFalse(eth1.ignoreIfMissing());
        assertEquals(Duration.ofSeconds(5), eth1.settings().minInterval());
        assertEquals(Duration.ofSeconds(60), eth1.settings().maxInterval());
        assertTrue(eth1.settings().addSourceLinkLayerAddress());
        assertTrue(conf.warnings().isEmpty(), conf.warnings().toString());
    }

    @Test
    void readsEveryOptionKind() throws Exception {
        RadvdConf conf = READER.read("""
                # a boot network
                interface boot0 {
                    AdvSendAdvert on; AdvManagedFlag on; AdvOtherConfigFlag on;
                    MaxRtrAdvInterval 30; MinRtrAdvInterval 10;
                    AdvDefaultLifetime 600; AdvDefaultPreference high; AdvCurHopLimit 255;
                    AdvReachableTime 30000; AdvRetransTimer 1000; AdvLinkMTU 1500;
                    AdvCaptivePortalAPI "https://cp.example/api";
                    prefix 2001:db8:1::/64 { AdvOnLink on; AdvAutonomous off; AdvValidLifetime infinity;
                                             AdvPreferredLifetime 600; AdvRouterAddr on; };
                    route 2001:db8:2::/48 { AdvRoutePreference low; AdvRouteLifetime 1200; };
                    RDNSS 2001:db8::53 2001:db8::54 { AdvRDNSSLifetime 300; };
                    DNSSL boot.example example { AdvDNSSLLifetime 300; };
                    nat64prefix 64:ff9b::/96 { AdvValidLifetime 1800; };
                };
                """);
        RouterAdvertisement ra = conf.forInterface("boot0").orElseThrow().advertisement();
        assertTrue(ra.managed() && ra.otherConfig());
        assertEquals(RouterPreference.HIGH, ra.preference());
        assertEquals(600, ra.routerLifetime());
        assertEquals(255, ra.curHopLimit());
        assertEquals(30000, ra.reachableTime());
        assertEquals(1000, ra.retransTimer());
        assertEquals(List.of(
                new PrefixInformation(Ipv6Address.parse("2001:db8:1::"), 64,
                        PrefixInformation.ON_LINK | PrefixInformation.ROUTER_ADDRESS, 0xffffffffL, 600),
                new RouteInformation(Ipv6Address.parse("2001:db8:2::"), 48, RouterPreference.LOW, 1200),
                new RecursiveDnsServers(300, List.of(Ipv6Address.parse("2001:db8::53"), Ipv6Address.parse("2001:db8::54"))),
                new DnsSearchList(300, List.of("boot.example", "example")),
                new MtuOption(1500),
                new Pref64(Ipv6Address.parse("64:ff9b::"), 96, 1800),
                new CaptivePortal("https://cp.example/api")), ra.options());
        assertEquals(Duration.ofSeconds(10), conf.interfaces().get(0).settings().minInterval());
    }

    @Test
    void appliesRadvdDefaultsDerivedFromMaxRtrAdvInterval() throws Exception {
        RadvdConf conf = READER.read("""
                interface a { AdvSendAdvert on; MaxRtrAdvInterval 100;
                  route ::/0 { }; RDNSS 2001:db8::1 { }; DNSSL example { }; };
                """);
        RadvdInterface a = conf.interfaces().get(0);
        assertEquals(300, a.advertisement().routerLifetime());
        assertEquals(Duration.ofSeconds(33), a.settings().minInterval());
        assertEquals(300, a.advertisement().options(RouteInformation.class).get(0).lifetime());
        assertEquals(100, a.advertisement().options(RecursiveDnsServers.class).get(0).lifetime());
        assertEquals(100, a.advertisement().options(DnsSearchList.class).get(0).lifetime());
    }

    @Test
    void reportsUnknownDirectivesWithTheirLineNumbers() throws Exception {
        RadvdConf conf = READER.read("""
                interface eth1
                {
                    AdvSendAdvert on;
                    AdvFrobnicate on;
                    prefix ::/64 {
                        DeprecatePrefix on;
                    };
                    clients { fe80::2; };
                };
                """);
        assertEquals(List.of(
                new RadvdConfWarning(4, "unknown or unsupported directive 'AdvFrobnicate' ignored"),
                new RadvdConfWarning(6, "unknown or unsupported prefix directive 'DeprecatePrefix' ignored"),
                new RadvdConfWarning(8, "unsupported block 'clients' ignored")), conf.warnings());
        assertEquals(1, conf.interfaces().get(0).advertisement().options(PrefixInformation.class).size(),
                "::/64 takes only the /64 global prefix, not link-local or the /48");
    }

    @Test
    void failsOnSyntaxErrorsAndBadValuesWithTheLine() {
        assertEquals(3, assertThrows(RadvdConfException.class, () -> READER.read("interface a {\n AdvSendAdvert on;\n "
                + "AdvManagedFlag maybe;\n};")).line());
        assertEquals(2, assertThrows(RadvdConfException.class, () -> READER.read("interface a {\n AdvSendAdvert on\n};"))
                .line());
        assertThrows(RadvdConfException.class, () -> READER.read("interface a { AdvSendAdvert on; "));
        assertThrows(RadvdConfException.class, () -> READER.read("interface a { prefix 2001:db8::/129 { }; };"));
        assertThrows(RadvdConfException.class, () -> READER.read("interface a { RDNSS example.org { }; };"));
        assertThrows(RadvdConfException.class, () -> READER.read("interface a { MaxRtrAdvInterval 2; };"));
        assertThrows(RadvdConfException.class, () -> READER.read("AdvSendAdvert on;"));
        assertThrows(RadvdConfException.class, () -> READER.read("interface a { a { b { c { d { }; }; }; }; };"));
    }

    @Test
    void readsWhatRadvdumpPrints(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // radvdump 2.19's rendering of the seed RA: another program's radvd.conf, read back.
        Path dump = dir.resolve("dump.conf");
        Files.writeString(dump, """
                #
                # radvd configuration generated by radvdump 2.19
                # based on Router Advertisement from fe80::1
                # received by interface veth0
                #

                interface veth0
                {
                	AdvSendAdvert on;
                	# Note: {Min,Max}RtrAdvInterval cannot be obtained with radvdump
                	AdvManagedFlag off;
                	AdvOtherConfigFlag on;
                	AdvReachableTime 0;
                	AdvRetransTimer 0;
                	AdvCurHopLimit 64;
                	AdvDefaultLifetime 180;
                	AdvHomeAgentFlag off;
                	AdvDefaultPreference medium;
                	AdvSourceLLAddress on;

                	prefix 2001:db8::/64
                	{
                		AdvValidLifetime 86400;
                		AdvPreferredLifetime 14400;
                		AdvOnLink on;
                		AdvAutonomous on;
                		AdvRouterAddr off;
                	}; # End of prefix definition

                	RDNSS 2001:db8::1
                	{
                		AdvRDNSSLifetime 60;
                	}; # End of RDNSS definition

                }; # End of interface definition
                """);
        RadvdConf conf = READER.read(dump);
        RouterAdvertisement expected = RouterAdvertisement.builder().otherConfig(true).routerLifetime(180)
                .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
                .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1")))).build();
        assertEquals(expected, conf.interfaces().get(0).advertisement());
        assertTrue(conf.warnings().isEmpty());
    }
}
