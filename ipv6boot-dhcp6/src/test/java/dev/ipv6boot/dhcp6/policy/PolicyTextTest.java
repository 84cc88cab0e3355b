package dev.ipv6boot.dhcp6.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTextTest {

    static final String TEXT = String.join("\n",
            "authoritative",
            "class RACK1 relay6[0].linkaddr == 0x20010db8000000010000000000000001",
            "class DROP option[1].hex == 0x00030001020000000099",
            "option dns-servers 2001:db8::1, 2001:db8::2",
            "always option domain-search boot.example, example",
            "if member('IPXE')",
            "  option bootfile-url http://boot.example/ubuntu.cfg   # a host name: DNS goes with it",
            "elif member('EDK2_PXE')",
            "  option bootfile-url tftp://[2001:db8::1]/ipxe.efi",
            "  option bootfile-param \"a\", \"b\"",
            "else",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64 interface veth0",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "  pd-pool 2001:db8:8000::/33 56",
            "  reserve 52:54:00:12:34:56 2001:db8::10",
            "  lifetimes 600 1200",
            "  option 17 4491, 32 = 0x0a0b",
            "  if member('RACK1')",
            "    always option 60 'rack1'",
            "  end",
            "end");

    static Dhcp6Policy built() {
        return Dhcp6Policy.builder()
                .authoritative(true)
                .defineClass("RACK1", "relay6[0].linkaddr == 0x20010db8000000010000000000000001")
                .defineClass("DROP", "option[1].hex == 0x00030001020000000099")
                .option("dns-servers", "2001:db8::1, 2001:db8::2")
                .alwaysSend("domain-search", "boot.example, example")
                .rules(chain -> chain
                        .when("member('IPXE')").option("bootfile-url", "http://boot.example/ubuntu.cfg")
                        .when("member('EDK2_PXE')").option("bootfile-url", "tftp://[2001:db8::1]/ipxe.efi")
                        .option("bootfile-param", "\"a\", \"b\"")
                        .otherwise().option("bootfile-url", "http://[2001:db8::1]/ipxe.efi"))
                .subnet("2001:db8::/64", s -> s.interfaceName("veth0")
                        .pool("2001:db8::1:0 - 2001:db8::1:ffff")
                        .prefixPool("2001:db8:8000::/33", 56)
                        .reserve("52:54:00:12:34:56", "2001:db8::10")
                        .lifetimes(Lifetimes.of(600, 1200))
                        .option("17", "4491, 32 = 0x0a0b")
                        .rules(chain -> chain.when("member('RACK1')").alwaysSend("60", "'rack1'")))
                .build();
    }

    @Test
    void textAndBuilderCompileToTheSamePolicy() {
        Dhcp6Policy text = PolicyText.parse(TEXT);
        Dhcp6Policy builder = built();
        assertEquals(builder.canonical(), text.canonical());
        Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        PolicyDecision a = new PolicyDecision(text);
        PolicyDecision b = new PolicyDecision(builder);
        int n = 0;
        for (CapturedVectors.Message m : CapturedVectors.allClientMessages()) {
            assertTrue(view.wrap(Unpooled.wrappedBuffer(m.bytes())));
            text.decide(view, "veth0", a);
            builder.decide(view, "veth0", b);
            assertEquals(b.classes(), a.classes(), m.toString());
            assertEquals(b.optionCount(), a.optionCount(), m.toString());
            for (int i = 0; i < a.optionCount(); i++) {
                assertEquals(b.option(i), a.option(i), m.toString());
            }
            n++;
        }
        assertTrue(n > 30);
    }

    @Test
    void encodesValuesByTheirCatalogueFormat() {
        Dhcp6Policy p = PolicyText.parse(TEXT);
        assertEquals("20010db800000000000000000000000120010db8000000000000000000000002",
                java.util.HexFormat.of().formatHex(p.options().get(0).data()));
        assertEquals("04626f6f74076578616d706c6500076578616d706c6500",
                java.util.HexFormat.of().formatHex(p.options().get(1).data()), "RFC 1035 names, uncompressed");
        assertEquals("0000118b002000020a0b",
                java.util.HexFormat.of().formatHex(p.subnets().get(0).options().get(0).data()), "vendor-opts 4491");
        assertEquals("0001610001" + "62", java.util.HexFormat.of().formatHex(
                p.chains().get(0).rules().get(1).options().get(1).data()), "boot file parameters as items");
    }

    @Test
    void builtInClassesMatchTheCapturedClients() {
        Dhcp6Policy p = PolicyText.parse(TEXT);
        Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertEquals("IPXE UEFI_X64", classesOf(p, view, CapturedVectors.frame("ipxe-efi-boot.pcap", 5)));
        assertEquals("UEFI_X64 EDK2_PXE", classesOf(p, view, CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10)));
        assertEquals("UEFI_X64 UEFI_HTTP", classesOf(p, view, CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 19)));
        assertEquals("", classesOf(p, view, CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 5)));
        assertEquals("IPXE", classesOf(p, view, CapturedVectors.frame("dhcp6-kea-dhcpcd-sarr.pcap", 1)));
        assertEquals("UEFI_X64", classesOf(p, view, CapturedVectors.frame("dhcp6-kea-dhclient-efi-sarr.pcap", 1)));
    }

    private static String classesOf(Dhcp6Policy p, Dhcp6MessageView view, CapturedVectors.Message m) {
        assertTrue(view.wrap(Unpooled.wrappedBuffer(m.bytes())));
        long set = p.classify(view);
        StringBuilder out = new StringBuilder();
        for (ClientClass c : p.classes()) {
            if ((set & c.bit()) != 0) {
                out.append(out.length() == 0 ? "" : " ").append(c.name());
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "if option[61].hex = 0x0007\\nend                     | 1 | 19 | compare with '=='",
        "option dns-servers 2001:db8::zz                       | 1 | 20 | not an IPv6 address",
        "option frobnicate 1                                   | 1 | 8  | unknown option 'frobnicate'",
        "class A option[1].exists\\nclass A option[2].exists   | 2 | 7  | already defined",
        "if member('IPXE')\\n  option bootfile-url x\\n        | 1 | 1  | 'if' without 'end'",
        "subnet 2001:db8::/64\\n  pool 2001:db9::1 - 2001:db9::2\\nend | 2 | 8 | not inside subnet",
        "if true\\nelse\\nelif true\\nend                      | 3 | 1  | nothing can follow 'else'",
        "frob                                                  | 1 | 1  | unknown statement 'frob'",
        "class IPXE option[1].exists                           | 1 | 7  | already defined (built in)",
    })
    void errorsNameLineAndColumn(String text, int line, int column, String fragment) {
        PolicySyntaxException e = assertThrows(PolicySyntaxException.class,
                () -> PolicyText.parse(text.replace("\\n", "\n")));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
