package dev.ipv6boot.preseed.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Severity;
import dev.ipv6boot.preseed.validation.Validation;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreseedTest {
    private static final CryptedPassword HASH = new CryptedPassword(
            "$6$Vq3Gd0w1$a3c3tNwKK/Z6Mfi3e.QQsMgNvrXPGFmQXwDBpPbx2sWumAREwxetkrAHh4gjWCSQ1OtGsKhmszdBlmpNXoNMn0");

    private static Validation check(String text) {
        return Preseed.parse(text, "p.cfg").validation();
    }

    @Test
    void rendersTypedAnswersAsDebconfLines() {
        Preseed p = Preseed.builder()
                .comment("Network")
                .useAutoconfig(true)
                .dhcpv6Timeout(10)
                .hostname("node-1")
                .domain("ceph.example.net")
                .blank()
                .timeZone(ZoneId.of("Europe/Amsterdam"))
                .tasks(List.of("standard", "ubuntu-server"))
                .rootPassword(HASH)
                .skipRebootMessage()
                .build();
        assertEquals("""
                # Network
                d-i netcfg/use_autoconfig boolean true
                d-i netcfg/dhcpv6_timeout string 10
                d-i netcfg/get_hostname string node-1
                d-i netcfg/get_domain string ceph.example.net

                d-i time/zone string Europe/Amsterdam
                tasksel tasksel/first multiselect standard, ubuntu-server
                d-i passwd/root-password-crypted password %s
                d-i finish-install/reboot_in_progress note
                """.formatted(HASH.hash()), p.render());
        assertEquals("node-1", p.value("netcfg/get_hostname").orElseThrow());
        assertTrue(p.validate("p.cfg").isClean());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "d-i netcfg/use_autoconfig boolean yes | bad-boolean",
            "d-i time/zone string Europe/Amstredam | bad-value",
            "d-i netcfg/dhcpv6_timeout string ten | bad-value",
            "d-i netcfg/get_hostname string node_1.example.net | bad-value",
            "d-i netcfg/get_domain string -bad- | bad-value",
            "d-i pkgsel/upgrade select dist-upgrade | bad-choice",
            "d-i partman-auto/method string zfs | bad-choice",
            "d-i passwd/root-password-crypted password ceph | bad-value",
            "d-i passwd/root-password-crypted password $1$abc$def | weak-hash",
            "d-i debian-installer/locale string english | bad-value",
            "d-i netcfg/use_autoconfig string true | type-mismatch",
            "d-i mirror/http/proxy string http://2001:db8::1:3128/ | unbracketed-ipv6",
            "d-i preseed/late_command strin echo | unknown-type",
            "d-i passwd/root-login | missing-type",
            "d-i passwd/root-login true | missing-type",
            "d-i some/question wibble x | unknown-type",
            "d-i netcfg/disable_dhcp boolean false | obsolete-question",
            "d-i netcfg/get_hostnme string x | unknown-question",
            "d-i mirror/http/hostname string 2001:db8::1 | unbracketed-ipv6",
            "d-i mirror/http/hostname string bad_host | bad-value",
    })
    void reportsValueThatDoesNotFitItsQuestion(String line, String code) {
        Validation v = check(line + "\n");
        assertEquals(List.of(code), v.problems().stream().map(Problem::code).toList(), v::toString);
        assertEquals(1, v.problems().get(0).line());
    }

    @Test
    void acceptsMirrorHostsWithBracketsAndPorts() {
        for (String host : List.of("[2001:db8::1]", "[2001:db8::1]:3142", "mirror.example.net:8080", "192.0.2.1")) {
            assertTrue(check("d-i mirror/http/hostname string " + host + "\n").isClean(), host);
        }
    }

    @Test
    void disablingAutoconfigurationWhileAskingForItIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Preseed.builder()
                .disableAutoconfig(true).useAutoconfig(true).build());
        assertEquals("contradicting-answers", e.validation().errors().get(0).code());
        Validation v = Preseed.builder().disableDhcp(false).useAutoconfig(true).build().validate("p");
        assertEquals(List.of("obsolete-question"), v.problems().stream().map(Problem::code).toList());
    }

    @Test
    void sameQuestionTwiceIsAnErrorWhenTheValuesDiffer() {
        Validation v = check("""
                d-i time/zone string UTC
                d-i pkgsel/include string ssh
                d-i time/zone string Etc/UTC
                d-i pkgsel/include string ssh
                """);
        assertEquals(List.of("contradicting-duplicate", "redundant-duplicate"),
                v.problems().stream().map(Problem::code).toList());
        assertEquals(3, v.problems().get(0).line());
        assertEquals(Severity.ERROR, v.problems().get(0).severity());
        assertEquals(Severity.WARNING, v.problems().get(1).severity());
        assertEquals("Etc/UTC", Preseed.parse("d-i time/zone string UTC\nd-i time/zone string Etc/UTC\n", "p")
                .preseed().value("time/zone").orElseThrow(), "the last answer is the one the installer uses");
    }

    @Test
    void plainTextPasswordsAreFlaggedWithTheCryptedAlternative() {
        Validation v = check("""
                d-i passwd/user-password password s3cret
                d-i passwd/user-password-again password s3cret
                """);
        assertEquals(2, v.warnings().size());
        assertTrue(v.isValid(), "a warning, not an error");
        assertTrue(v.warnings().get(0).message().contains("d-i passwd/user-password-crypted password $6$"),
                v.warnings().get(0).message());
        assertTrue(v.warnings().get(1).message().contains("remove the line"), v.warnings().get(1).message());
    }

    @Test
    void differingPasswordConfirmationIsAnError() {
        Validation v = check("""
                d-i passwd/root-password password a
                d-i passwd/root-password-again password b
                """);
        assertEquals(List.of("password-mismatch"), v.errors().stream().map(Problem::code).toList());
    }

    @Test
    void continuationLinesAreJoinedAndReportedAtTheirFirstLine() {
        String text = "# x\nd-i preseed/late_command string \\\n  echo one; \\\n  echo two\nd-i time/zone string Mars/Olympus\n";
        Preseed.Parsed parsed = Preseed.parse(text, "p.cfg");
        assertEquals("  echo one;   echo two", parsed.preseed().value("preseed/late_command").orElseThrow());
        assertEquals(5, parsed.validation().problems().get(0).line());
    }

    @Test
    void oddSpacingIsKeptExactly() {
        String text = "d-i  time/zone   string UTC\n\td-i pkgsel/include string x\n";
        Preseed.Parsed parsed = Preseed.parse(text, "p");
        assertEquals(text, parsed.preseed().render());
        assertInstanceOf(PreseedLine.Raw.class, parsed.preseed().lines().get(0));
        assertTrue(parsed.validation().isClean(), parsed.validation()::toString);
    }

    @Test
    void builderRefusesAnErrorAndNamesIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Preseed.builder()
                .timeZone(ZoneId.of("UTC")).timeZone(ZoneId.of("Europe/Paris")).build());
        assertEquals("contradicting-duplicate", e.validation().errors().get(0).code());
        assertThrows(InvalidInputException.class, () -> Preseed.builder().hostname("a b").build());
        assertThrows(InvalidInputException.class, () -> Preseed.builder().lateCommand("a\nb"));
        assertThrows(InvalidInputException.class, () -> Preseed.builder().partitionDisk("sda"));
        assertThrows(InvalidInputException.class, () -> Preseed.builder().lateCommand("echo \\"));
        assertThrows(InvalidInputException.class, () -> new CryptedPassword("plain"));
    }

    @Test
    void perMachineAnswersReplaceInPlaceOrAppendWithTheTemplateType() {
        Preseed template = Preseed.builder().hostname("template").timeZone(ZoneId.of("UTC")).build();
        Preseed machine = template.withAnswers(Map.of("netcfg/get_hostname", "node-7",
                "partman-auto/disk", "/dev/nvme0n1"));
        assertEquals("""
                d-i netcfg/get_hostname string node-7
                d-i time/zone string UTC
                d-i partman-auto/disk string /dev/nvme0n1
                """, machine.render());
        assertThrows(InvalidInputException.class, () -> template.withAnswers(Map.of("some/unknown", "x")));
        assertThrows(InvalidInputException.class, () -> template.withAnswers(Map.of("time/zone", "Nowhere/Land")));
    }

    @Test
    void randomTextNeverThrows() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "d-i time/zone string boolean true\\\n#\t $6$";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(100);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Preseed.Parsed parsed = Preseed.parse(sb.toString(), "fuzz");
            parsed.preseed().validate("fuzz");
        }
    }

    @Test
    void renderThenParseGivesTheSameModel() {
        java.util.Random random = new java.util.Random(5);
        String valueChars = "abc XYZ019/._-:;$'\"\\#=,";
        for (int n = 0; n < 300; n++) {
            Preseed.Builder b = Preseed.builder();
            for (int k = random.nextInt(12); k > 0; k--) {
                switch (random.nextInt(4)) {
                    case 0 -> b.comment("note " + k);
                    case 1 -> b.blank();
                    default -> {
                        StringBuilder v = new StringBuilder();
                        for (int i = random.nextInt(20); i > 0; i--) {
                            v.append(valueChars.charAt(random.nextInt(valueChars.length())));
                        }
                        String value = v.toString().strip();
                        if (value.endsWith("\\")) {
                            value = value + "x"; // a trailing backslash continues the line in debconf's format
                        }
                        b.answer("d-i", "test/q" + n + "_" + k, DebconfType.STRING, value);
                    }
                }
            }
            Preseed built = b.build();
            Preseed.Parsed parsed = Preseed.parse(built.render(), "p");
            assertEquals(built, parsed.preseed(), built::render);
            assertTrue(parsed.validation().isClean(), parsed.validation()::toString);
        }
    }
}
