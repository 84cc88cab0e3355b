package dev.ipv6boot.preseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.di.Preseed;
import dev.ipv6boot.preseed.ipxe.IpxeScript;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Severity;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed's files, read as text: every mistake found by reading them against the iPXE, d-i and debconf
 * documentation is reported, at its line, and nothing else.
 */
class SeedFilesTest {
    private static final String SCRIPT = Resources.text("/seed/ubuntu.cfg");
    private static final String PRESEED = Resources.text("/seed/ubuntu1404.cfg");

    private static Validation both() {
        return BootCheck.check(SCRIPT, "ubuntu.cfg", PRESEED, "ubuntu1404.cfg");
    }

    private static Set<String> found(Validation v) {
        return v.problems().stream()
                .map(p -> p.source() + ":" + p.line() + " " + p.severity().word() + " " + p.code() + " " + p.subject())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void reportsEveryMistakeOfTheIpxeScriptAndItsKernelLine() {
        Set<String> expected = new TreeSet<>(List.of(
                // UEFI: the EFI stub of Ubuntu 14.04's 3.13 kernel finds the initrd only through initrd=
                "ubuntu.cfg:3 warning uefi-initrd-name kernel",
                // VirtualBox workarounds, harmful on the SuperMicro servers
                "ubuntu.cfg:3 warning vm-workaround noapic",
                "ubuntu.cfg:3 warning vm-workaround nolapic",
                "ubuntu.cfg:3 warning vm-workaround acpi=off",
                "ubuntu.cfg:3 warning vm-workaround irqpoll",
                "ubuntu.cfg:3 warning unknown-argument debian-installer=en_US",
                "ubuntu.cfg:3 warning obsolete-question kbd-chooser/method=us",
                "ubuntu.cfg:3 warning bad-choice keyboard-configuration/layout=USA",
                "ubuntu.cfg:3 warning bad-choice keyboard-configuration/variant=USA",
                // preseed syntax on the kernel line: "question type=value" sets nothing at all
                "ubuntu.cfg:3 error missing-value netcfg/disable_autoconfig",
                "ubuntu.cfg:3 error missing-value netcfg/use_autoconfig",
                "ubuntu.cfg:3 error missing-value netcfg/disable_dhcp",
                "ubuntu.cfg:3 error type-on-kernel-line boolean=true"));
        Set<String> actual = found(both()).stream().filter(s -> s.startsWith("ubuntu.cfg"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        long booleans = both().problems().stream().filter(p -> p.code().equals("type-on-kernel-line")).count();
        assertEquals(3, booleans, "one report per boolean=true");
    }

    @Test
    void reportsEveryMistakeOfThePreseed() {
        Set<String> expected = new TreeSet<>(List.of(
                "ubuntu1404.cfg:5 error missing-type localechooser/supported-locales",
                "ubuntu1404.cfg:9 warning bad-choice keyboard-configuration/layout",
                "ubuntu1404.cfg:10 warning bad-choice keyboard-configuration/variant",
                "ubuntu1404.cfg:11 error contradicting-answers keyboard-configuration/modelcode",
                "ubuntu1404.cfg:14 error contradicting-answers netcfg/disable_autoconfig",
                "ubuntu1404.cfg:14 warning too-late netcfg/disable_autoconfig",
                "ubuntu1404.cfg:15 warning too-late netcfg/use_autoconfig",
                "ubuntu1404.cfg:16 warning obsolete-question netcfg/disable_dhcp",
                "ubuntu1404.cfg:16 error contradicting-answers netcfg/disable_dhcp",
                "ubuntu1404.cfg:16 warning too-late netcfg/disable_dhcp",
                "ubuntu1404.cfg:17 warning too-late netcfg/dhcpv6_timeout",
                "ubuntu1404.cfg:18 error contradicting-answers netcfg/get_hostname",
                "ubuntu1404.cfg:19 warning suspicious-value netcfg/get_domain",
                "ubuntu1404.cfg:19 warning too-late netcfg/get_domain",
                "ubuntu1404.cfg:25 error contradicting-duplicate time/zone",
                "ubuntu1404.cfg:29 error extra-word debconf/frontend",
                "ubuntu1404.cfg:51 warning plain-text-password passwd/root-password",
                "ubuntu1404.cfg:52 warning plain-text-password passwd/root-password-again",
                "ubuntu1404.cfg:57 warning redundant-duplicate pkgsel/install-language-support"));
        Set<String> actual = found(both()).stream().filter(s -> s.startsWith("ubuntu1404.cfg"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
    }

    @Test
    void thePreseedAloneStillShowsItsOwnMistakes() {
        // without the script, nothing can be said about the kernel line, but the file's own mistakes remain
        Validation v = Preseed.parse(PRESEED, "ubuntu1404.cfg").validation();
        assertEquals(Set.of(5, 9, 10, 14, 16, 19, 25, 29, 51, 52, 57), v.linesOf("ubuntu1404.cfg"));
        Problem zone = v.at("ubuntu1404.cfg", 25).get(0);
        assertTrue(zone.message().contains("'UTC' on line 22") && zone.message().contains("'Europe/Amsterdam'"),
                zone.message());
        Problem password = v.at("ubuntu1404.cfg", 51).get(0);
        assertTrue(password.message().contains("passwd/root-password-crypted"), password.message());
        assertEquals(Severity.WARNING, password.severity());
    }

    @Test
    void theScriptAloneIsValidIpxe() {
        // every line is a known iPXE command with valid syntax: the mistakes are in what the kernel reads
        Validation v = IpxeScript.parse(SCRIPT, "ubuntu.cfg").validation();
        assertEquals(List.of("uefi-initrd-name"), v.problems().stream().map(Problem::code).toList());
        assertTrue(v.isValid());
    }

    @Test
    void parsingKeepsEveryLineOfBothFiles() {
        assertEquals(PRESEED, Preseed.parse(PRESEED, "ubuntu1404.cfg").preseed().render());
        assertEquals(SCRIPT, IpxeScript.parse(SCRIPT, "ubuntu.cfg").script().render());
    }
}
