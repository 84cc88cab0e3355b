package dev.ipv6boot.preseed.ipxe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpxeScriptTest {

    private static Validation check(String body) {
        return IpxeScript.parse("#!ipxe\n" + body + "\n", "t.ipxe").validation();
    }

    private static List<String> codes(String body) {
        return check(body).problems().stream().map(Problem::code).toList();
    }

    @Test
    void rendersBuiltScriptWithMagicLineAndLf() {
        IpxeScript script = IpxeScript.builder()
                .comment("install")
                .kernel("http://[2001:db8::1]/linux", List.of("auto=true", "initrd=initrd.gz"))
                .initrd("http://[2001:db8::1]/initrd.gz")
                .boot()
                .build();
        assertEquals("#!ipxe\n# install\nkernel http://[2001:db8::1]/linux auto=true initrd=initrd.gz\n"
                + "initrd http://[2001:db8::1]/initrd.gz\nboot\n", script.render());
    }

    @Test
    void parseOfRenderIsTheSameModel() {
        IpxeScript script = IpxeScript.builder()
                .set("base", "http://[2001:db8::1]/boot")
                .statement(IpxeLine.Statement.of(new IpxeCommand.IsSet("${hostname}"))
                        .or(new IpxeCommand.Goto("nohost")))
                .echo("Booting ${hostname} from ${net0/mac}")
                .retry(3, 2, IpxeCommand.Chain.of("${base}/${net0/mac:hexhyp}.ipxe"), IpxeCommand.Other.of("reboot"))
                .label("nohost")
                .command(IpxeCommand.Other.of("ifconf", "--configurator", "ipv6", "net0"))
                .command(IpxeCommand.Other.of("exit", "1"))
                .build();
        IpxeScript.Parsed parsed = IpxeScript.parse(script.render(), "t.ipxe");
        assertTrue(parsed.validation().isClean(), parsed.validation()::toString);
        assertEquals(script, parsed.script());
        assertEquals(script.render(), parsed.script().render());
    }

    @Test
    void retryLoopCountsAttemptsAndRunsFailureActionOnlyAfterTheLast() {
        String text = IpxeScript.builder()
                .retry(3, 5, IpxeCommand.Initrd.of("initrd.gz"), IpxeCommand.Other.of("exit", "1"))
                .boot()
                .build().render();
        assertEquals("""
                #!ipxe
                set attempt1:int32 0
                :retry1
                initrd initrd.gz && goto retry1_done ||
                inc attempt1
                iseq ${attempt1} 3 && goto retry1_failed ||
                sleep 5
                goto retry1
                :retry1_failed
                exit 1
                :retry1_done
                boot
                """, text);
    }

    @Test
    void chainByMacNamesTheScriptAfterTheBootInterfaceMac() {
        IpxeScript script = IpxeScript.chainByMac("http://[2001:db8::1]/boot", "netX");
        IpxeCommand.Chain chain = script.commands().stream().filter(IpxeCommand.Chain.class::isInstance)
                .map(IpxeCommand.Chain.class::cast).findFirst().orElseThrow();
        assertEquals("http://[2001:db8::1]/boot/${netX/mac:hexhyp}.ipxe", chain.uri());
        assertTrue(chain.replace() && chain.autofree());
        assertTrue(script.validate("chain.ipxe").isClean());
    }

    @Test
    void chainByMacWorksWithAPathRelativeToTheFirstScript() {
        String text = IpxeScript.chainByMac("/boot/", "net0").render();
        assertTrue(text.contains("\nchain --autofree --replace /boot/${net0/mac:hexhyp}.ipxe && goto retry1_done ||\n"),
                text);
        assertTrue(IpxeScript.parse(text, "chain.ipxe").validation().isClean());
    }

    @Test
    void typedCommandsComeBackTyped() {
        IpxeScript s = IpxeScript.parse("#!ipxe\nkernel --name k vmlinuz quiet\ninitrd initrd.img\nboot\nsleep 3\n",
                "t").script();
        List<IpxeCommand> c = s.commands();
        IpxeCommand.Kernel k = assertInstanceOf(IpxeCommand.Kernel.class, c.get(0));
        assertEquals("k", k.imageName().orElseThrow());
        assertEquals(List.of("quiet"), k.arguments());
        assertInstanceOf(IpxeCommand.Initrd.class, c.get(1));
        assertInstanceOf(IpxeCommand.Boot.class, c.get(2));
        assertEquals(new IpxeCommand.Sleep(3), c.get(3));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "kernal vmlinuz | unknown-command",
            "chain --replaec x.ipxe | unknown-option",
            "kernel | missing-argument",
            "goto nowhere | unknown-label",
            "goto :here | bad-label",
            "echo ${net0/mac | unclosed-expansion",
            "echo ${net0/mac:hexdash} | bad-expansion",
            "sleep soon | bad-argument",
            "imgfetch --timeout | missing-option-argument",
            "dhcp && | bad-operator",
            "&& boot | bad-operator",
            "kernel http://2001:db8::1/linux | unbracketed-ipv6",
            "initrd --timeout 5s initrd.gz | bad-argument",
            "vdestroy a b | extra-argument",
            "set 1=x y | bad-setting",
    })
    void reportsBadLine(String line, String code) {
        assertEquals(List.of(code), codes(line), () -> check(line).toString());
        assertEquals(2, check(line).problems().get(0).line(), "after the magic line");
    }

    @Test
    void suggestsTheClosestCommand() {
        assertTrue(check("kernal vmlinuz").problems().get(0).message().contains("'kernel'"));
    }

    @Test
    void acceptsNestedAndTypedExpansionsAndComputedLabels() {
        assertTrue(check("set idx:int32 0\n:loop\nisset ${net${idx}/mac} || goto done\ninc idx && goto loop\n"
                + ":done\ngoto host_${hostname} || goto done").isClean());
    }

    @Test
    void computedArgumentsStayUntyped() {
        IpxeScript.Parsed p = IpxeScript.parse("#!ipxe\nsleep ${delay}\nsleep 99999999999\n", "t");
        assertTrue(p.validation().isClean(), p.validation()::toString);
        assertInstanceOf(IpxeCommand.Other.class, p.script().commands().get(0));
        assertEquals("#!ipxe\nsleep ${delay}\nsleep 99999999999\n", p.script().render());
    }

    @Test
    void requiresMagicLine() {
        Validation v = IpxeScript.parse("kernel vmlinuz\nboot\n", "t").validation();
        assertEquals("missing-magic", v.problems().get(0).code());
        assertEquals(1, v.problems().get(0).line());
        assertEquals("missing-magic", IpxeScript.parse("", "t").validation().problems().get(0).code());
    }

    @Test
    void warnsOnDuplicateLabelAndLegacyMagic() {
        Validation v = IpxeScript.parse("#!gpxe\n:a\n:a\ngoto a\n", "t").validation();
        assertEquals(List.of("legacy-magic", "duplicate-label"), v.problems().stream().map(Problem::code).toList());
        assertTrue(v.isValid());
    }

    @Test
    void acceptsCrlfAndShortOptions() {
        assertTrue(IpxeScript.parse("#!ipxe\r\nchain -a -r http://[2001:db8::1]/x.ipxe\r\necho -n hi\r\n", "t")
                .validation().isClean());
    }

    @Test
    void builderRefusesWhatIpxeWouldReject() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> IpxeScript.builder().jump("missing").build());
        assertEquals("unknown-label", e.validation().errors().get(0).code());
        assertThrows(InvalidInputException.class, () -> IpxeCommand.Kernel.of("vm linuz", List.of()));
        assertThrows(InvalidInputException.class, () -> IpxeCommand.Other.of("kernal", "x"));
        assertThrows(InvalidInputException.class, () -> new IpxeCommand.Echo("two\nlines"));
        assertThrows(InvalidInputException.class, () -> new IpxeLine.Label("has space"));
    }

    @Test
    void randomTextNeverThrows() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "#!ipxe:${}/&| \n\tkernelchainsetgoto-=x0";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(80);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            IpxeScript.Parsed parsed = IpxeScript.parse(sb.toString(), "fuzz");
            // what the model renders parses again without throwing
            IpxeScript.parse(parsed.script().render(), "fuzz");
        }
    }
}
