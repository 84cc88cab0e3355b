package dev.ipv6boot.preseed.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelCommandLineTest {
    @Test
    void quotesValuesWithSpacesAndParsesThemBack() {
        KernelCommandLine line = KernelCommandLine.builder().flag("quiet").add("console", "ttyS1,115200n8")
                .add("preseed/late_command", "echo a b").build();
        assertEquals("quiet console=ttyS1,115200n8 preseed/late_command=\"echo a b\"", line.render());
        assertEquals(line, KernelCommandLine.parse(line.render()));
        assertEquals(List.of("quiet", "console=ttyS1,115200n8", "preseed/late_command=\"echo", "a", "b\""),
                line.words(), "iPXE joins these words back with single spaces");
    }

    @Test
    void refusesWhatTheKernelCannotCarry() {
        assertThrows(InvalidInputException.class, () -> KernelCommandLine.Argument.of("a", "say \"hi\""));
        assertThrows(InvalidInputException.class, () -> KernelCommandLine.Argument.of("a", "two  spaces"));
        assertThrows(InvalidInputException.class, () -> KernelCommandLine.Argument.of("a", "line\nbreak"));
        assertThrows(InvalidInputException.class, () -> KernelCommandLine.Argument.flag("a=b"));
        KernelCommandLine.Builder huge = KernelCommandLine.builder();
        for (int i = 0; i < 300; i++) {
            huge.add("k" + i, "vvvv");
        }
        assertThrows(InvalidInputException.class, huge::build);
    }

    @Test
    void debianInstallerLineUsesAliasesAndBracketsThePreseedUrl() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("netcfg/use_autoconfig", "true");
        answers.put("netcfg/get_hostname", "node-1");
        answers.put("netcfg/get_domain", "example.net");
        KernelCommandLine line = KernelCommandLine.forDebianInstaller(
                BootUrl.http("2001:db8::1", "/preseed/52-54-00-12-34-56.cfg"), answers);
        assertEquals("auto=true priority=critical preseed/url=http://[2001:db8::1]/preseed/52-54-00-12-34-56.cfg "
                + "netcfg/use_autoconfig=true hostname=node-1 domain=example.net", line.render());
        assertTrue(line.validateForDebianInstaller("k", 0).isClean(), () -> line.validateForDebianInstaller("k", 0).toString());
    }

    @Test
    void subiquityLineEndsTheSeedUrlWithASlash() {
        KernelCommandLine line = KernelCommandLine.forSubiquity(BootUrl.http("2001:db8::1", "/autoinstall/node-1"),
                Optional.of(BootUrl.http("2001:db8::1", "/iso/ubuntu-24.04-live-server-amd64.iso")));
        assertEquals("url=http://[2001:db8::1]/iso/ubuntu-24.04-live-server-amd64.iso autoinstall "
                + "ds=nocloud-net;s=http://[2001:db8::1]/autoinstall/node-1/", line.render());
    }

    @Test
    void findsPreseedSyntaxAndBadValuesOnTheCommandLine() {
        KernelCommandLine line = KernelCommandLine.parse(
                "netcfg/disable_autoconfig boolean=true time/zone=Mars hostname=a.b url=http://2001:db8::1/p.cfg "
                        + "ipv6.disable=1 frobnicate=1 console=ttyS0 BOOTIF=01-52-54-00-12-34-56 auto "
                        + "ds=nocloud-net;s=http://2001:db8::1/seed/");
        List<String> codes = line.validateForDebianInstaller("k", 3).problems().stream().map(Problem::code).toList();
        assertEquals(List.of("missing-value", "type-on-kernel-line", "bad-value", "bad-value", "unbracketed-ipv6",
                "ipv6-disabled", "unknown-argument", "unbracketed-ipv6"), codes);
    }

    @Test
    void parseNeverThrowsAndStripsQuotes() {
        KernelCommandLine line = KernelCommandLine.parse("  a=\"x y\"  \"=\" \"\" b=  c=\"unclosed =x");
        assertEquals(Optional.of("x y"), line.value("a"));
        assertEquals(Optional.of(""), line.value("b"));
        assertTrue(line.has("c"));
    }

    @Test
    void randomTextNeverThrowsAndValidates() {
        java.util.Random random = new java.util.Random(3);
        String alphabet = "ab/=\" \t\nhttp://[2001:db8::1]booleantrue;s.,";
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            KernelCommandLine line = KernelCommandLine.parse(sb.toString());
            line.validateForDebianInstaller("fuzz", 1);
            assertEquals(line, KernelCommandLine.parse(line.render()), () -> "round trip of " + sb);
        }
    }
}
