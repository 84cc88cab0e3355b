package dev.ipv6boot.preseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.ipxe.IpxeCommand;
import dev.ipv6boot.preseed.kernel.KernelCommandLine;
import dev.ipv6boot.preseed.net.MacAddress;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test
    void debianMachineGetsItsOwnPreseedUrlAndAnswers() {
        Machine m = SpecProfiles.node(7, SpecProfiles.debian());
        assertEquals("http://[2001:db8::1]/preseed/52-54-00-00-00-07.cfg", m.answerUrl().toString());
        assertEquals("node-7", m.preseed().value("netcfg/get_hostname").orElseThrow());
        assertEquals("ceph.example.net", m.preseed().value("netcfg/get_domain").orElseThrow());
        KernelCommandLine k = m.kernelCommandLine();
        assertEquals("http://[2001:db8::1]/preseed/52-54-00-00-00-07.cfg", k.value("preseed/url").orElseThrow());
        assertEquals("node-7", k.value("hostname").orElseThrow());
        assertEquals("true", k.value("netcfg/use_autoconfig").orElseThrow());
        assertEquals("ttyS1,115200n8", k.value("console").orElseThrow());
        assertEquals("initrd.gz", k.value("initrd").orElseThrow());
        assertTrue(m.validate().isClean(), () -> m.validate().toString());
    }

    @Test
    void everyDebianMachineValidatesCleanly() {
        for (int n = 1; n <= 30; n++) {
            Machine m = SpecProfiles.node(n, SpecProfiles.debian());
            assertTrue(m.validate().isClean(), () -> m.validate().toString());
        }
    }

    @Test
    void scriptRetriesEachDownloadAndGivesUpToTheFirmware() {
        Machine m = SpecProfiles.node(1, SpecProfiles.debian());
        List<IpxeCommand> commands = m.ipxeScript().commands();
        assertEquals(2, commands.stream().filter(IpxeCommand.Inc.class::isInstance).count());
        assertEquals(2, commands.stream().filter(c -> c.render().equals("exit 1")).count());
        assertTrue(m.ipxeScript().validate("s").isClean());
    }

    @Test
    void ubuntuMachineGetsAutoinstallAndNoCloudSeed() {
        Machine m = SpecProfiles.node(2, SpecProfiles.ubuntu());
        KernelCommandLine k = m.kernelCommandLine();
        assertEquals("nocloud-net;s=http://[2001:db8::1]/autoinstall/52-54-00-00-00-02/", k.value("ds").orElseThrow());
        assertTrue(k.has("autoinstall"));
        assertEquals("initrd", k.value("initrd").orElseThrow());
        assertTrue(m.autoinstall().userData().contains("hostname: node-2"));
        assertTrue(m.validate().isClean(), () -> m.validate().toString());
        assertThrows(InvalidInputException.class, m::preseed);
        assertThrows(InvalidInputException.class, () -> SpecProfiles.node(2, SpecProfiles.debian()).autoinstall());
    }

    @Test
    void everyUbuntuMachinesUserDataValidatesAgainstTheSchema() throws Exception {
        for (int n = 1; n <= 30; n++) {
            String userData = SpecProfiles.node(n, SpecProfiles.ubuntu()).autoinstall().userData();
            assertEquals(java.util.Set.of(),
                    dev.ipv6boot.preseed.autoinstall.AutoinstallSchemaTest.schemaErrors(userData), userData);
        }
    }

    @Test
    void answerFilesAreKeyedByTheUrlPathsTheInstallerFetches() throws Exception {
        Machine d = SpecProfiles.node(3, SpecProfiles.debian());
        assertEquals(Map.of("/preseed/52-54-00-00-00-03.cfg", d.preseed().render()), d.answerFiles());
        Machine u = SpecProfiles.node(3, SpecProfiles.ubuntu());
        Map<String, String> files = u.answerFiles();
        assertEquals(java.util.Set.of("/autoinstall/52-54-00-00-00-03/user-data",
                "/autoinstall/52-54-00-00-00-03/meta-data", "/autoinstall/52-54-00-00-00-03/vendor-data"), files.keySet());
        String seed = u.kernelCommandLine().value("ds").orElseThrow();
        assertTrue(seed.endsWith("http://[2001:db8::1]/autoinstall/52-54-00-00-00-03/"),
                "the kernel line points at the directory the files are served from");
        assertEquals(u.autoinstall().userData(), files.get("/autoinstall/52-54-00-00-00-03/user-data"));
    }

    @Test
    void perMachineOverridesChangeOnlyThatMachine() {
        BootProfile p = SpecProfiles.debian();
        Machine odd = new Machine(MacAddress.parse("52:54:00:00:00:99"), "odd", p,
                Map.of("partman-auto/disk", "/dev/nvme0n1"),
                List.of(KernelCommandLine.Argument.of("console", "ttyS0,115200n8")));
        assertEquals("/dev/nvme0n1", odd.preseed().value("partman-auto/disk").orElseThrow());
        assertEquals("ttyS0,115200n8", odd.kernelCommandLine().value("console").orElseThrow());
        assertEquals("/dev/sda", SpecProfiles.node(1, p).preseed().value("partman-auto/disk").orElseThrow());
    }

    @Test
    void newOverridesAreAppendedInTheCallersOrder() {
        java.util.LinkedHashMap<String, String> overrides = new java.util.LinkedHashMap<>();
        for (String q : List.of("passwd/user-uid", "clock-setup/ntp", "netcfg/dhcp_timeout", "pkgsel/update-policy",
                "grub-installer/bootdev", "popularity-contest/participate")) {
            overrides.put(q, switch (q) {
                case "passwd/user-uid" -> "1100";
                case "netcfg/dhcp_timeout" -> "3";
                case "pkgsel/update-policy" -> "none";
                case "grub-installer/bootdev" -> "/dev/sda";
                default -> "false";
            });
        }
        Machine m = new Machine(MacAddress.parse("52:54:00:00:00:42"), "n42", SpecProfiles.debian(), overrides, List.of());
        List<String> tail = m.preseed().selections().stream().map(s -> s.question()).toList();
        assertEquals(List.of("passwd/user-uid", "clock-setup/ntp", "netcfg/dhcp_timeout", "grub-installer/bootdev",
                "popularity-contest/participate"), tail.subList(tail.size() - 5, tail.size()));
        assertEquals("none", m.preseed().value("pkgsel/update-policy").orElseThrow());
        assertEquals(1, tail.stream().filter("pkgsel/update-policy"::equals).count(), "replaced in place");
    }

    @Test
    void refusesInconsistentProfilesAndMachines() {
        assertThrows(InvalidInputException.class, () -> BootProfile.builder().name("x")
                .installer(BootProfile.Installer.SUBIQUITY).kernel("k").initrd("i").answerUrl("http://[2001:db8::1]/")
                .preseed(SeedProfiles.ubuntu1404Preseed()).build());
        assertThrows(InvalidInputException.class, () -> BootProfile.builder().name("x")
                .installer(BootProfile.Installer.DEBIAN_INSTALLER).kernel("k").initrd("i")
                .answerUrl("http://2001:db8::1/{mac}.cfg").spec(SpecProfiles.spec()).build());
        assertThrows(InvalidInputException.class, () -> Machine.of(MacAddress.parse("52:54:00:00:00:01"), "a.b",
                SpecProfiles.debian()));
        assertThrows(InvalidInputException.class, () -> new Machine(MacAddress.parse("52:54:00:00:00:01"), "a",
                SpecProfiles.ubuntu(), Map.of("time/zone", "UTC"), List.of()));
    }
}
