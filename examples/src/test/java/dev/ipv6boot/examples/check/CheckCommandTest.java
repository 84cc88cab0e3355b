package dev.ipv6boot.examples.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.examples.importer.ConfigImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    private record Run(int exit, String output) {
    }

    private static Run check(Path file) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new CheckCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("--config", file.toString());
        return new Run(exit, out.toString());
    }

    private static Run check(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("boot.yaml");
        Files.writeString(file, yaml);
        return check(file);
    }

    private static void hasLine(Run run, String prefix, String containing) {
        assertTrue(run.output().lines().anyMatch(l -> l.startsWith(prefix) && l.contains(containing)),
                "no line starting '" + prefix + "' containing '" + containing + "' in:\n" + run.output());
    }

    @Test
    void theLeadsSeedDeploymentHasNoErrors() {
        Run run = check(Path.of("config/seed-deployment.yaml"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("config/seed-deployment.yaml: 0 errors"), run.output());
    }

    @Test
    void theImportedSeedFailsOnItsMistakesWithTheirLines(@TempDir Path dir) throws Exception {
        Path seed = Path.of("src/test/resources/importer/seed");
        ConfigImporter.Result imported = ConfigImporter.importFiles(List.of(
                new ConfigImporter.SourceFile("dhcpd6.conf", Files.readString(seed.resolve("dhcpd6.conf"))),
                new ConfigImporter.SourceFile("radvd.conf", Files.readString(seed.resolve("radvd.conf"))),
                new ConfigImporter.SourceFile("unbound-local.conf", Files.readString(seed.resolve("unbound-local.conf")))));
        Path file = dir.resolve("boot.yaml");
        Files.writeString(file, imported.yaml());
        List<String> lines = imported.yaml().lines().toList();
        int urlLine = lines.indexOf(lines.stream().filter(l -> l.contains("bootfile-url: \"http://[2001:db8::1]/ipxe.efi\""))
                .findFirst().orElseThrow()) + 1;
        Run run = check(file);
        assertEquals(1, run.exit(), run.output());
        hasLine(run, file + ":" + urlLine + ":", "error: dhcp6.rules[0].options.bootfile-url: chain-load loop");
        hasLine(run, file + ":" + urlLine + ":", "error: dhcp6.rules[0].options.bootfile-url: EDK2 PXE x86-64 would get");
        hasLine(run, file + ":", "warning: dhcp6.subnets[0]: no pools");
        hasLine(run, file + ":", "error: dns: no dns.upstreams");
    }

    @Test
    void translatorFindingsArePrintedWithLineAndColumn(@TempDir Path dir) throws Exception {
        String yaml = """
                site: {address: "2001:db8::1", interfaces: [eth1]}
                http: {enabled: false}
                dns: {upstreams: ["[2001:4860:4860::8888]:53"], access-control: {"2001:db8::/32": allow}}
                dhcp6:
                  rules:
                    - when: member('UEFI_HTTP')
                      options: {bootfile-url: "tftp://[2001:db8::1]/ipxe.efi"}
                    - when: member('IPXE')
                      options: {bootfile-url: "http://[2001:db8::1]/ipxe/boot.ipxe"}
                  subnets:
                    - {prefix: 2001:db8::/64, interface: eth1, pools: ["2001:db8::1:0 - 2001:db8::1:ff"]}
                ra: {prefixes: ["2001:db8::/64"]}
                profiles:
                  - {name: p, kernel: /k, initrd: /i}
                machines:
                  - {mac: "52:54:00:00:00:02", hostname: b, profile: q}
                  - {mac: "52:54:00:00:00:01", hostname: a, profile: p}
                  - {mac: "52:54:00:00:00:01", hostname: c, profile: p}
                """;
        Run run = check(dir, yaml);
        assertEquals(1, run.exit(), run.output());
        Path file = dir.resolve("boot.yaml");
        hasLine(run, file + ":7:", "error: dhcp6.rules[0].options.bootfile-url: EDK2 HTTP Boot x86-64 would get");
        hasLine(run, file + ":16:", "error: machines[0].profile: unknown profile 'q'");
        hasLine(run, file + ":18:", "machines[2].mac: machine 52:54:00:00:00:01 is listed twice");
    }

    @Test
    void aHostNamedBootUrlWithoutDnsServersIsReported(@TempDir Path dir) throws Exception {
        String yaml = """
                site: {address: "2001:db8::1"}
                http: {enabled: false}
                dns: {enabled: false}
                ra: {enabled: false}
                dhcp6:
                  rules:
                    - when: member('IPXE')
                      options: {bootfile-url: "http://boot.example/boot.ipxe"}
                """;
        Run run = check(dir, yaml);
        hasLine(run, dir.resolve("boot.yaml") + ":8:", "names a host but no dns-servers");
    }

    @Test
    void schemaErrorsExitOneWithLineAndColumn(@TempDir Path dir) throws Exception {
        Run run = check(dir, "ra:\n  managed: true\n  other-confg: true\n");
        assertEquals(1, run.exit(), run.output());
        hasLine(run, dir.resolve("boot.yaml") + ":3:3: error: ", "unknown key 'other-confg'");
    }

    @Test
    void textThatIsNotYamlExitsTwo(@TempDir Path dir) throws Exception {
        Run run = check(dir, "ra:\n  managed: [true\n  other: 1\n");
        assertEquals(2, run.exit(), run.output());
        hasLine(run, dir.resolve("boot.yaml") + ":", "error: not YAML");
    }

    @Test
    void anUnreadableFileExitsTwo(@TempDir Path dir) {
        Run run = check(dir.resolve("missing.yaml"));
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("cannot read"), run.output());
    }

    @Test
    void warningsAloneExitZero(@TempDir Path dir) throws Exception {
        String yaml = """
                site: {address: "2001:db8::1", interfaces: [eth1]}
                http: {enabled: false}
                dns: {upstreams: ["[2001:4860:4860::8888]:53"], access-control: {"2001:db8::/32": allow}}
                ra: {prefixes: ["2001:db8::/64"]}
                dhcp6:
                  rules:
                    - when: option[61].hex == 0x0009
                      options: {bootfile-url: "tftp://[2001:db8::1]/ipxe.efi"}
                  subnets:
                    - {prefix: 2001:db8::/64, interface: eth1, pools: ["2001:db8::1:0 - 2001:db8::1:ff"]}
                """;
        Run run = check(dir, yaml);
        assertEquals(0, run.exit(), run.output());
        hasLine(run, dir.resolve("boot.yaml") + ":7:", "warning: dhcp6.rules[0].when: arch type 0x0009");
    }
}
