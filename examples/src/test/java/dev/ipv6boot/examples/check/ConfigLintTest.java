package dev.ipv6boot.examples.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.examples.config.ConfigLoader;
import dev.ipv6boot.examples.config.ConfigProblem;
import dev.ipv6boot.examples.config.ConfigProblem.Severity;
import dev.ipv6boot.examples.config.YamlLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small YAML per rule; each asserts the problem's line, and that the corrected YAML is quiet. */
class ConfigLintTest {
    private static final Predicate<Path> NOTHING_EXISTS = p -> false;

    private static List<ConfigProblem> lint(String yaml, Predicate<Path> exists) throws Exception {
        return ConfigLint.check(ConfigLoader.parse(yaml, "t.yaml"), YamlLocations.of(yaml), exists);
    }

    private static List<ConfigProblem> lint(String yaml) throws Exception {
        return lint("http: {enabled: false}\n" + yaml, NOTHING_EXISTS);
    }

    private static ConfigProblem only(List<ConfigProblem> problems, String containing) {
        List<ConfigProblem> found = problems.stream().filter(p -> p.message().contains(containing)).toList();
        assertEquals(1, found.size(), "one problem containing '" + containing + "' in:\n" + text(problems));
        return found.get(0);
    }

    private static void none(List<ConfigProblem> problems, String containing) {
        assertTrue(problems.stream().noneMatch(p -> p.message().contains(containing)), text(problems));
    }

    private static String text(List<ConfigProblem> problems) {
        return problems.stream().map(p -> p.format("t.yaml")).collect(Collectors.joining("\n"));
    }

    @Test
    void raWithoutManagedOrOtherIsAnErrorWhenIpxeIsExpected() throws Exception {
        String yaml = """
                site: {interfaces: [eth1], address: "2001:db8::1"}
                ra:
                  other-config: false
                dhcp6:
                  rules:
                    - when: member('IPXE')
                      options: {bootfile-url: "http://[2001:db8::1]/boot.ipxe"}
                """;
        ConfigProblem p = only(lint(yaml), "iPXE runs DHCPv6 only when");
        assertEquals(Severity.ERROR, p.severity());
        assertEquals(4, p.line());   // the other-config key's value, after the "http" line the helper adds
        none(lint(yaml.replace("other-config: false", "other-config: true")), "iPXE runs DHCPv6 only when");
        none(lint(yaml.replace("member('IPXE')", "option[61].hex == 0x0007")), "iPXE runs DHCPv6 only when");
    }

    @Test
    void poolOutsideTheAdvertisedPrefixIsPlaced() throws Exception {
        String yaml = """
                site: {interfaces: [eth1], address: "2001:db8::1"}
                ra: {prefixes: ["2001:db8::/64"]}
                dhcp6:
                  subnets:
                    - prefix: 2001:db8::/48
                      interface: eth1
                      pools:
                        - 2001:db8::1:0 - 2001:db8::1:ffff
                        - 2001:db8:0:5::1:0 - 2001:db8:0:5::1:ffff
                """;
        ConfigProblem p = only(lint(yaml), "lies outside every on-link prefix");
        assertEquals(10, p.line());
        assertEquals("dhcp6.subnets[0].pools[1]", p.path());
        none(lint(yaml.replace("[\"2001:db8::/64\"]", "[\"2001:db8::/64\", \"2001:db8:0:5::/64\"]")),
                "lies outside every on-link prefix");
    }

    @Test
    void onLinkSubnetWithoutRaPrefixOrWithoutRaIsPlaced() throws Exception {
        String noPrefix = """
                site: {interfaces: [eth1], address: "2001:db8::1"}
                dhcp6:
                  subnets:
                    - prefix: 2001:db8::/64
                      interface: eth1
                      pools: ["2001:db8::1:0 - 2001:db8::1:ffff"]
                """;
        ConfigProblem p = only(lint(noPrefix), "advertises no prefix");
        assertEquals(6, p.line());
        String otherInterface = noPrefix.replace("interface: eth1", "interface: eth2");
        assertEquals(6, only(lint(otherInterface), "no Router Advertisement is sent on eth2").line());
        // a relayed subnet (no interface) is the rack router's business
        none(lint(noPrefix.replace("      interface: eth1\n", "")), "Router Advertisement");
        none(lint(noPrefix.replace("      interface: eth1\n", "")), "advertises no prefix");
    }

    @Test
    void arch9WhereSevenWasMeant() throws Exception {
        String yaml = """
                dhcp6:
                  rules:
                    - when: option[61].hex == 0x0009
                      options: {bootfile-url: "tftp://[2001:db8::1]/ipxe.efi"}
                """;
        ConfigProblem p = only(lint(yaml), "0x0009 is EFI Byte Code");
        assertEquals(Severity.WARNING, p.severity());
        assertEquals(4, p.line());
        assertEquals("dhcp6.rules[0].when", p.path());
        none(lint(yaml + "    - when: option[61].hex == 0x0007\n      options: {bootfile-url: x}\n"), "EFI Byte Code");
    }

    @Test
    void firmwareExpectedButTheSubnetHasNoAddresses() throws Exception {
        String yaml = """
                dhcp6:
                  rules:
                    - when: member('EDK2_PXE')
                      options: {bootfile-url: "tftp://[2001:db8::1]/ipxe.efi"}
                  subnets:
                    - prefix: 2001:db8::/64
                """;
        assertEquals(7, only(lint(yaml), "NoAddrsAvail").line());
        none(lint(yaml + "      pools: [\"2001:db8::1:0 - 2001:db8::1:ff\"]\n"), "NoAddrsAvail");
    }

    @Test
    void aMacReservedTwiceIsAnError() throws Exception {
        String yaml = """
                dhcp6:
                  subnets:
                    - prefix: 2001:db8:1::/64
                      reservations:
                        - {mac: "52:54:00:00:00:01", address: "2001:db8:1::10"}
                    - prefix: 2001:db8:2::/64
                      reservations:
                        - {mac: "52:54:00:00:00:01", address: "2001:db8:2::10"}
                machines:
                  - {mac: "52:54:00:00:00:01", address: "2001:db8:1::99"}
                """;
        List<ConfigProblem> problems = lint(yaml);
        ConfigProblem twice = only(problems, "is already reserved at dhcp6.subnets[0].reservations[0].mac (line 6)");
        assertEquals(9, twice.line());
        assertEquals(Severity.ERROR, twice.severity());
        assertEquals(11, only(problems, "by the reservation at").line());
    }

    @Test
    void dnsAclMustAllowTheBootSubnets() throws Exception {
        String yaml = """
                ra: {prefixes: ["2001:db8:9::/64"]}
                dns:
                  upstreams: ["[2001:4860:4860::8888]:53"]
                  access-control:
                    "2001:db8::/32": allow
                    "2001:db8:1::/48": refuse
                dhcp6:
                  subnets:
                    - prefix: 2001:db8:1::/64
                """;
        List<ConfigProblem> problems = lint(yaml);
        ConfigProblem refused = only(problems, "2001:db8:1::/64 is refuse by 2001:db8:1::/48");
        assertEquals(7, refused.line());
        assertEquals("dns.access-control.2001:db8:1::/48", refused.path());
        assertEquals(Severity.ERROR, refused.severity());
        none(problems, "2001:db8:9::/64 is");    // the /32 allows the RA's prefix
        ConfigProblem empty = only(lint("ra: {prefixes: [\"2001:db8::/64\"]}\n"), "not in dns.access-control");
        assertEquals("dns", empty.path());
    }

    @Test
    void httpRootMustHoldTheBootFilesTheRulesAndProfilesName(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("ipxe.efi"), "x");
        String yaml = """
                site: {address: "2001:db8::1", name: boot.example}
                http: {root: "ROOT"}
                dhcp6:
                  rules:
                    - when: member('EDK2_PXE')
                      options: {bootfile-url: "tftp://[2001:db8::1]/ipxe.efi"}
                    - when: member('UEFI_HTTP')
                      options: {bootfile-url: "http://boot.example/snp.efi"}
                    - when: member('IPXE')
                      options: {bootfile-url: "http://boot.example/ipxe/boot.ipxe"}
                    - options: {bootfile-url: "http://mirror.example/other.efi"}
                profiles:
                  - name: p
                    kernel: /ubuntu-installer/amd64/linux
                    initrd: http://mirror.example/initrd.gz
                """.replace("ROOT", root.toString());
        List<ConfigProblem> problems = lint(yaml, Files::exists);
        assertEquals(8, only(problems, "snp.efi").line());
        assertEquals(14, only(problems, "the kernel /ubuntu-installer/amd64/linux").line());
        none(problems, "ipxe.efi names");          // present
        none(problems, "boot.ipxe");               // a generated script, not a file
        none(problems, "other.efi");               // another server's
        none(problems, "initrd");                  // absolute URL
        assertTrue(problems.stream().allMatch(p -> p.severity() == Severity.WARNING), text(problems));
        ConfigProblem missingRoot = only(lint(yaml.replace(root.toString(), root.resolve("gone").toString()),
                Files::exists), "does not exist here");
        assertEquals(2, missingRoot.line());
    }

    @Test
    void mergeEscalatesBootBreakingPolicyFindingsAndDropsTheSupersededRaWarning() {
        List<ConfigProblem> translator = List.of(
                new ConfigProblem(Severity.WARNING, 9, 5, "dhcp6.rules[0].options.bootfile-url", "chain-load loop: x"),
                new ConfigProblem(Severity.WARNING, 3, 1, "ra", "neither managed nor other-config is set: iPXE ..."),
                new ConfigProblem(Severity.WARNING, 2, 1, "site", "no site.address: ..."));
        List<ConfigProblem> lint = List.of(new ConfigProblem(Severity.ERROR, 4, 3, "ra.other-config",
                "neither managed nor other-config is set, yet iPXE clients are expected"));
        List<ConfigProblem> merged = ConfigLint.merge(translator, lint);
        assertEquals(List.of(2, 4, 9), merged.stream().map(ConfigProblem::line).toList());
        assertEquals(Severity.ERROR, merged.get(2).severity());
        assertEquals(Severity.WARNING, merged.get(0).severity());
    }
}
