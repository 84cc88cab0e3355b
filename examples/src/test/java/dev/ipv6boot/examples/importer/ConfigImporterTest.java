package dev.ipv6boot.examples.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.policy.ClassExpression;
import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.Dhcp6Config;
import dev.ipv6boot.examples.config.Ipv6bootConfig;
import dev.ipv6boot.examples.importer.ConfigImporter.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigImporterTest {
    private static final Path RESOURCES = Path.of("src/test/resources/importer");

    private static SourceFile source(String name) throws IOException {
        Path path = RESOURCES.resolve(name);
        return new SourceFile(path.getFileName().toString(), Files.readString(path));
    }

    private static ConfigImporter.Result importSeed(String... extra) throws IOException {
        List<SourceFile> files = new ArrayList<>(List.of(source("seed/dhcpd6.conf"), source("seed/radvd.conf"),
                source("seed/unbound-local.conf"), source("seed/apache-001-preseed.conf")));
        for (String name : extra) {
            files.add(source(name));
        }
        return ConfigImporter.importFiles(files);
    }

    private static String notes(ConfigImporter.Result result) {
        return result.notes().stream().map(ImportNote::format).collect(Collectors.joining("\n"));
    }

    private static ImportNote note(ConfigImporter.Result result, String file, int line, ImportNote.Kind kind,
                                   String containing) {
        return result.notes().stream()
                .filter(n -> n.file().equals(file) && n.line() == line && n.kind() == kind
                        && n.message().contains(containing))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " note at " + file + ":" + line + " containing '"
                        + containing + "' in:\n" + notes(result)));
    }

    @Test
    void seedFilesImportToAConfigurationTheLoaderReads() throws Exception {
        ConfigImporter.Result result = importSeed();
        Ipv6bootConfig config = ConfigLoader.parse(result.yaml(), "imported.yaml");

        assertEquals(List.of("eth1"), config.site().interfaces());
        assertEquals("2001:db8::1", config.site().address());
        assertTrue(config.ra().otherConfig());
        assertFalse(config.ra().managed());
        assertEquals(5, config.ra().minInterval());
        assertEquals(60, config.ra().maxInterval());
        assertEquals(180, config.ra().routerLifetime(), "radvd's default: 3 x MaxRtrAdvInterval");
        assertEquals(List.of("2001:db8::/64"), config.ra().prefixes());
        assertEquals(List.of("2001:db8::1"), config.ra().rdnss());

        assertEquals("2001:db8::1", config.dhcp6().options().get("dns-servers"));
        List<Dhcp6Config.RuleConfig> rules = config.dhcp6().rules();
        assertEquals(2, rules.size());
        assertEquals("option[61].exists and option[61].hex == 0x0007", rules.get(0).when());
        assertEquals("http://[2001:db8::1]/ipxe.efi", rules.get(0).options().get("bootfile-url"));
        assertEquals("option[15].exists and substring(option[15].hex, 2, 4) == 'iPXE'", rules.get(1).when());
        assertEquals("http://[2001:db8::1]/ubuntu.cfg", rules.get(1).options().get("bootfile-url"));
        rules.forEach(r -> ClassExpression.compile(r.when()));
        assertEquals("2001:db8::/64", config.dhcp6().subnets().get(0).prefix());
        assertEquals("eth1", config.dhcp6().subnets().get(0).interfaceName());
        assertTrue(config.dhcp6().subnets().get(0).pools().isEmpty(), "the seed has no range6; none is invented");

        assertEquals(List.of("[::]:53"), config.dns().listen());
        assertEquals("allow", config.dns().accessControl().get("2001:db8::/32"));
        assertEquals(1, config.dns().accessControl().size(), "IPv4 and loopback entries are left out");
        assertTrue(config.dns().upstreams().isEmpty());
        assertEquals("/srv/tftp", config.http().root());
        assertEquals(List.of("[::]:80"), config.http().listen());
    }

    @Test
    void seedMistakesAreReportedWithTheirLines() throws Exception {
        ConfigImporter.Result result = importSeed();
        ImportNote loop = note(result, "dhcpd6.conf", 9, ImportNote.Kind.MISTAKE, "chain-load loop");
        assertTrue(loop.message().contains("(dhcpd6.conf:7)"), loop.message());
        assertTrue(loop.message().contains("(dhcpd6.conf:10)"), loop.message());
        note(result, "dhcpd6.conf", 9, ImportNote.Kind.MISTAKE, "UEFI PXE loads only tftp://");
        note(result, "dhcpd6.conf", 15, ImportNote.Kind.MISTAKE, "no range6");
        note(result, "radvd.conf", 9, ImportNote.Kind.MISTAKE, "prefix ::/64");
        note(result, "radvd.conf", 7, ImportNote.Kind.NOT_TRANSLATED, "IgnoreIfMissing");
        note(result, "unbound-local.conf", 2, ImportNote.Kind.NOT_TRANSLATED, "IPv4");
        note(result, "unbound-local.conf", 1, ImportNote.Kind.NOT_TRANSLATED, "no forward-zone");
        note(result, "apache-001-preseed.conf", 5, ImportNote.Kind.NOT_TRANSLATED, "ErrorLog");
        note(result, "apache-001-preseed.conf", 8, ImportNote.Kind.NOT_TRANSLATED, "<directory> (lines 8-12)");
        // Every note is also in the YAML, as a comment.
        for (ImportNote n : result.notes()) {
            assertTrue(result.yaml().contains("# " + "  " + n.format()), n.format());
        }
    }

    @Test
    void interfacesFileResolvesRadvdsAnyPrefixAndGivesTheServerAddress() throws Exception {
        ConfigImporter.Result result = importSeed("seed/interfaces");
        Ipv6bootConfig config = ConfigLoader.parse(result.yaml(), "imported.yaml");
        assertEquals("2001:db8::1", config.site().address());
        assertTrue(result.yaml().contains("address: \"2001:db8::1\"  # interfaces:3"), result.yaml());
        ImportNote prefix = note(result, "radvd.conf", 9, ImportNote.Kind.MISTAKE, "prefix ::/64");
        assertTrue(prefix.message().contains("imported as 2001:db8::/64 (the address in interfaces)"),
                prefix.message());
        assertFalse(notes(result).contains("site.address taken from"), notes(result));
    }

    @Test
    void anyPrefixWithNothingToResolveItIsLeftEmptyAndSaid() {
        ConfigImporter.Result result = ConfigImporter.importFiles(List.of(new SourceFile("radvd.conf",
                "interface eth9 {\n AdvSendAdvert on;\n prefix ::/64 {\n };\n};\n")));
        assertTrue(note(result, "radvd.conf", 3, ImportNote.Kind.MISTAKE, "prefix ::/64").message()
                .contains("add ra.prefixes by hand"));
    }

    @Test
    void dhcpdSubsetTranslatesToKeaExpressionsPoolsAndReservations() throws Exception {
        ConfigImporter.Result result = ConfigImporter.importFiles(List.of(source("racks-dhcpd6.conf")));
        Ipv6bootConfig config = ConfigLoader.parse(result.yaml(), "imported.yaml");
        Dhcp6Config dhcp6 = config.dhcp6();
        assertTrue(dhcp6.authoritative());
        assertEquals(List.of("2001:db8::1", "2001:db8::2"), dhcp6.options().get("dns-servers"));
        assertEquals("boot.example", dhcp6.options().get("domain-search"));
        assertEquals("0x7261636b", dhcp6.options().get("65001"), "an option outside the catalogue goes as hex");

        List<String> whens = dhcp6.rules().stream().map(Dhcp6Config.RuleConfig::when).toList();
        assertEquals(4, whens.size(), whens.toString());
        assertEquals("option[15].exists and substring(option[15].hex, 2, 4) == 'iPXE'", whens.get(0));
        assertEquals("option[61].hex == 0x0009", whens.get(1));
        assertEquals("not (option[61].hex == 0x0010 or substring(option[15].hex, -3, all) != 'xyz')", whens.get(2));
        assertNull(whens.get(3), "the final else");
        assertEquals("http://[2001:db8::1]/ipxe.efi", dhcp6.rules().get(3).options().get("bootfile-url"));
        whens.subList(0, 3).forEach(ClassExpression::compile);

        Dhcp6Config.SubnetConfig rack1 = dhcp6.subnets().get(0);
        assertEquals("2001:db8:1::/64", rack1.prefix());
        assertNull(rack1.interfaceName(), "no radvd.conf: a relayed link");
        assertEquals(List.of("2001:db8:1::100 - 2001:db8:1::1ff"), rack1.pools());
        assertEquals("2001:db8:100::/48", rack1.prefixPools().get(0).prefix());
        assertEquals(56, rack1.prefixPools().get(0).delegatedLength());
        assertEquals(1800, rack1.preferredLifetime());
        assertEquals(7200, rack1.validLifetime(), "the subnet's default-lease-time wins over the global one");
        assertEquals("52:54:00:aa:00:01", rack1.reservations().get(0).mac());
        assertEquals("2001:db8:1::10", rack1.reservations().get(0).address());
        assertEquals("00010001aabbccdd525400aa0002", rack1.reservations().get(1).duid());

        Dhcp6Config.SubnetConfig rack2 = dhcp6.subnets().get(1);
        assertEquals(List.of("2001:db8:2::/64"), rack2.pools());
        assertEquals("2001:db8:2::53", rack2.options().get("dns-servers"));
        assertEquals(3600, rack2.validLifetime());
        assertEquals("52:54:00:aa:00:03", rack2.reservations().get(0).mac(), "a host outside subnet6 goes where"
                + " its address lies");

        note(result, "racks-dhcpd6.conf", 7, ImportNote.Kind.NOT_TRANSLATED, "ddns-update-style");
        note(result, "racks-dhcpd6.conf", 16, ImportNote.Kind.MISTAKE, "00:09 is EFI Byte Code");
        note(result, "racks-dhcpd6.conf", 24, ImportNote.Kind.NOT_TRANSLATED, "'packet' has no Kea equivalent");
        note(result, "racks-dhcpd6.conf", 28, ImportNote.Kind.NOT_TRANSLATED, "'class'");
        note(result, "racks-dhcpd6.conf", 34, ImportNote.Kind.NOT_TRANSLATED, "temporary");
        note(result, "racks-dhcpd6.conf", 44, ImportNote.Kind.NOT_TRANSLATED, "ddns-hostname");
        note(result, "racks-dhcpd6.conf", 4, ImportNote.Kind.NOT_TRANSLATED, "not in ipv6boot's option catalogue");
    }

    @Test
    void unboundForwardZoneAndLocalDataBecomeUpstreamsAndHosts() throws Exception {
        ConfigImporter.Result result = ConfigImporter.importFiles(List.of(source("unbound-forwarding.conf")));
        Ipv6bootConfig config = ConfigLoader.parse(result.yaml(), "imported.yaml");
        assertEquals(List.of("[2001:db8::1]:53", "[::1]:5353"), config.dns().listen());
        assertEquals(List.of("[2001:4860:4860::8888]:53", "[2001:4860:4860::8844]:853"), config.dns().upstreams());
        assertEquals("refuse", config.dns().accessControl().get("2001:db8:bad::/48"));
        assertEquals("deny", config.dns().accessControl().get("::/0"));
        assertEquals("2001:db8::1", config.dns().hosts().get("boot.example"));
        note(result, "unbound-forwarding.conf", 9, ImportNote.Kind.NOT_TRANSLATED, "only AAAA");
        note(result, "unbound-forwarding.conf", 16, ImportNote.Kind.NOT_TRANSLATED, "IPv4");
        note(result, "unbound-forwarding.conf", 20, ImportNote.Kind.NOT_TRANSLATED, "forward-zone corp.example.");
        assertFalse(notes(result).contains("no forward-zone"), notes(result));
    }

    @Test
    void aFileOfNoKnownKindIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigImporter.importFiles(
                List.of(new SourceFile("notes.txt", "hello\n"))));
        assertTrue(e.getMessage().startsWith("notes.txt: "), e.getMessage());
    }

    @Test
    void yamlQuotingSurvivesAwkwardStrings() throws Exception {
        String value = "a \"quoted\" \\ value: with # and 'single'";
        String yaml = new YamlWriter().key(0, "site", null).string(1, "name", value, "c").text();
        assertEquals(value, ConfigLoader.parse(yaml, "q.yaml").site().name());
    }
}
