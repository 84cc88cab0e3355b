package dev.ipv6boot.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.ndp.codec.RecursiveDnsServers;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigTranslatorTest {

    private static Translation translate(String text) throws ConfigException {
        return ConfigTranslator.translate(ConfigLoader.parse(text, "boot.yaml"), text);
    }

    private static String formatted(Translation t) {
        return t.problems().stream().map(p -> p.format("boot.yaml")).collect(Collectors.joining("\n"));
    }

    private static ConfigProblem onlyProblemAt(Translation t, String pathPrefix) {
        List<ConfigProblem> found = t.problems().stream().filter(p -> p.path().startsWith(pathPrefix)).toList();
        assertEquals(1, found.size(), formatted(t));
        return found.get(0);
    }

    @Test
    void translatesTheSeedDeploymentWithoutErrors() throws Exception {
        String text = Files.readString(Path.of("config/seed-deployment.yaml"));
        Translation t = translate(text);
        assertFalse(t.hasErrors(), formatted(t));
        assertTrue(t.problems().isEmpty(), "the corrected seed has nothing to warn about:\n" + formatted(t));

        assertEquals(4, t.dhcp6Policy().chains().get(0).rules().size());
        assertTrue(t.dhcp6Policy().authoritative());
        assertEquals(List.of("eth1"), t.dhcp6Server().interfaces());
        assertEquals(List.of("2001:db8::1"), t.dhcp6Server().unicastAddresses());
        assertEquals(547, t.dhcp6Server().serverPort());
        assertEquals(Path.of("/var/lib/ipv6boot/dhcp6.journal"), t.dhcp6Server().journal());
        assertEquals(0x02, (t.dhcp6Server().serverMac() >>> 40) & 0x03, "locally administered unicast MAC");

        assertEquals(1, t.advertising().size());
        assertEquals("eth1", t.advertising().get(0).interfaceName());
        assertTrue(t.advertising().get(0).advertisement().otherConfig());
        assertFalse(t.advertising().get(0).advertisement().managed());
        assertEquals("2001:db8::1", t.advertising().get(0).advertisement().options(RecursiveDnsServers.class).get(0)
                .servers().get(0).toString());

        assertEquals(2, t.dns().listen().size());
        assertEquals(new InetSocketAddress("2001:4860:4860::8888", 53), t.dns().upstreams().get(0));
        assertEquals(1, t.dns().localRecords().size() > 0 ? 1 : 0, "the site name is a local record");

        assertEquals(Path.of("/srv/tftp"), t.http().root());
        assertEquals(Path.of("/srv/tftp"), t.tftp().root(), "TFTP serves the HTTP root by default");
        assertEquals("http://[2001:db8::1]", t.boot().baseUrl());
        String script = t.boot().ipxeScript("52-54-00-00-00-01").orElseThrow();
        assertTrue(script.contains("kernel http://[2001:db8::1]/ubuntu-installer/amd64/linux "), script);
        assertTrue(script.contains("preseed/url=http://[2001:db8::1]/preseed/52-54-00-00-00-01.cfg"), script);
        assertTrue(script.contains("initrd http://[2001:db8::1]/ubuntu-installer/amd64/initrd.gz"), script);
        String preseed = t.boot().preseed("52:54:00:00:00:01").orElseThrow();
        assertTrue(preseed.contains("netcfg/get_hostname string alpha"), preseed);
        assertTrue(preseed.contains("time/zone string UTC"), preseed);
        assertTrue(t.boot().entryScript().contains("http://[2001:db8::1]/ipxe/${netX/mac:hexhyp}.ipxe"),
                t.boot().entryScript());
        assertTrue(t.boot().ipxeScript("52:54:00:00:00:99").isEmpty(), "an unknown machine has no script");
    }

    @Test
    void theSeedsOwnRuleOrderIsReportedAtTheRuleThatCatchesIpxe() throws Exception {
        String text = """
                site: {address: 2001:db8::1, interfaces: [eth1]}
                dns: {upstreams: ["[2001:db8:53::1]:53"]}
                dhcp6:
                  options: {dns-servers: 2001:db8::1}
                  rules:
                    - when: option[61].hex == 0x0007
                      options: {bootfile-url: "http://[2001:db8::1]/ipxe.efi"}
                    - when: member('IPXE')
                      options: {bootfile-url: "http://[2001:db8::1]/ipxe/boot.ipxe"}
                """;
        Translation t = translate(text);
        assertFalse(t.hasErrors(), formatted(t));
        ConfigProblem loop = t.problems().stream().filter(p -> p.message().startsWith("chain-load loop"))
                .findFirst().orElseThrow(() -> new AssertionError(formatted(t)));
        assertEquals(ConfigProblem.Severity.WARNING, loop.severity());
        assertEquals("dhcp6.rules[0].options.bootfile-url", loop.path());
        assertEquals(7, loop.line());
        assertEquals(31, loop.column(), "at the URL's opening quote");
        assertTrue(loop.message().contains("(dhcp6.rules[1])"), loop.message());
    }

    @Test
    void anExpressionErrorPointsAtItsColumnInsideTheQuotedString() throws Exception {
        String text = """
                site: {address: 2001:db8::1}
                dns: {enabled: false}
                dhcp6:
                  rules:
                    - when: "option[61].hex = 0x0007"
                      options: {bootfile-url: "http://[2001:db8::1]/ipxe.efi"}
                """;
        Translation t = translate(text);
        assertTrue(t.hasErrors());
        ConfigProblem p = onlyProblemAt(t, "dhcp6.rules[0].when");
        assertEquals(5, p.line());
        // the string starts at column 14 (after the quote); '=' is its 16th character
        assertEquals(14 + 16 - 1, p.column(), p.format("boot.yaml"));
        assertTrue(p.message().contains("=="), p.message());
    }

    @Test
    void badPrefixMacAddressAndProfileAreErrorsAtTheirLines() throws Exception {
        String text = """
                site: {address: 2001:db8::1}
                dns: {enabled: false}
                ra: {prefixes: [2001:db8::/64, "2001:db8::zz/64"], interfaces: [eth1]}
                dhcp6:
                  subnets:
                    - prefix: 2001:db8:1::/129
                      pools: ["2001:db8:1::10 - 2001:db8:1::1"]
                    - prefix: 2001:db8:2::/64
                      pools: ["2001:db8:3::10 - 2001:db8:3::20"]
                profiles:
                  - {name: p1, kernel: /linux, initrd: /initrd.gz}
                machines:
                  - {mac: "52:54:00:zz:00:01", hostname: a, profile: p1}
                  - {mac: "52:54:00:00:00:02", hostname: b, profile: nope}
                  - {mac: "52:54:00:00:00:03", hostname: c, profile: p1, address: "2001:db8:9::3"}
                """;
        Translation t = translate(text);
        assertTrue(t.hasErrors());
        assertEquals(3, onlyProblemAt(t, "ra.prefixes[1]").line());
        ConfigProblem prefix = onlyProblemAt(t, "dhcp6.subnets[0]");
        assertEquals(6, prefix.line());
        assertEquals(15, prefix.column());
        ConfigProblem pool = onlyProblemAt(t, "dhcp6.subnets[1]");
        assertEquals("dhcp6.subnets[1].pools[0]", pool.path());
        assertEquals(9, pool.line());
        ConfigProblem mac = onlyProblemAt(t, "machines[0]");
        assertEquals(13, mac.line());
        assertEquals(ConfigProblem.Severity.ERROR, mac.severity());
        ConfigProblem profile = onlyProblemAt(t, "machines[1]");
        assertTrue(profile.message().contains("unknown profile 'nope'; profiles: p1"), profile.message());
        assertEquals(14, profile.line());
        ConfigProblem address = onlyProblemAt(t, "machines[2]");
        assertEquals("machines[2].address", address.path());
        assertTrue(address.format("boot.yaml").startsWith("boot.yaml:15:"), address.format("boot.yaml"));
    }

    @Test
    void aBadAdminAddressIsAnErrorAtItsLineBeforeAnythingStarts() throws Exception {
        String text = """
                site: {address: 2001:db8::1}
                dns: {enabled: false}
                admin:
                  listen: ["[::1]:9547", "[::1]:95470"]
                """;
        Translation t = translate(text);
        assertTrue(t.hasErrors());
        ConfigProblem admin = onlyProblemAt(t, "admin.listen[1]");
        assertEquals(4, admin.line());
        assertTrue(admin.message().contains("95470"), admin.message());
    }

    @Test
    void machinesWithAnAddressBecomeReservations() throws Exception {
        String text = """
                site: {address: 2001:db8::1}
                dns: {enabled: false}
                dhcp6:
                  subnets:
                    - prefix: 2001:db8::/64
                      pools: ["2001:db8::1:0 - 2001:db8::1:ffff"]
                profiles:
                  - {name: p1, kernel: /linux, initrd: /initrd.gz}
                machines:
                  - {mac: "52:54:00:00:00:03", hostname: c, profile: p1, address: "2001:db8::30"}
                """;
        Translation t = translate(text);
        assertFalse(t.hasErrors(), formatted(t));
        var reservations = t.dhcp6Policy().subnets().get(0).reservations();
        assertEquals(1, reservations.size());
        assertEquals(0x525400000003L, reservations.get(0).mac());
        assertEquals(0x30L, reservations.get(0).addressLow());
    }

    @Test
    void unicastWithAPortSetsTheServerPortAndDisabledServicesAreNull() throws Exception {
        String text = """
                site: {address: "::1", state-directory: /tmp/x}
                ra: {enabled: false}
                dns: {enabled: false}
                tftp: {enabled: false}
                http: {listen: ["[::1]:10080"], root: /srv/demo}
                dhcp6:
                  unicast: ["[::1]:10547"]
                """;
        Translation t = translate(text);
        assertFalse(t.hasErrors(), formatted(t));
        assertEquals(10547, t.dhcp6Server().serverPort());
        assertEquals(List.of("::1"), t.dhcp6Server().unicastAddresses());
        assertTrue(t.advertising().isEmpty());
        assertNull(t.dns());
        assertNull(t.tftp());
        assertNotNull(t.http());
        assertEquals("http://[::1]:10080", t.boot().baseUrl());
    }

    @Test
    void anHttpPortTheKernelChoosesCannotBeInBootUrls() throws Exception {
        String text = "site: {address: \"::1\"}\ndns: {enabled: false}\nhttp: {listen: [\"[::1]:0\"]}\n";
        Translation t = translate(text);
        ConfigProblem p = onlyProblemAt(t, "http.listen[0]");
        assertEquals(ConfigProblem.Severity.ERROR, p.severity());
        assertEquals(3, p.line());
    }
}
