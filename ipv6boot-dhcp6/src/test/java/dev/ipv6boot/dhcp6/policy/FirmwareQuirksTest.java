package dev.ipv6boot.dhcp6.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each firmware quirk of DESIGN.md, on the captured EDK2 and iPXE messages. */
class FirmwareQuirksTest {

    private static final CapturedVectors.Message EDK2_PXE_SOLICIT = CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10);
    private static final CapturedVectors.Message EDK2_HTTP_SOLICIT = CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 19);
    private static final CapturedVectors.Message IPXE_SOLICIT = CapturedVectors.frame("ipxe-efi-managed-boot.pcap", 5);
    private static final CapturedVectors.Message DHCLIENT_SOLICIT = CapturedVectors.frame("dhcp6-kea-dhclient-efi-sarr.pcap", 1);

    private static final String POLICY = String.join("\n",
            "option dns-servers 2001:db8::1",
            "option domain-search boot.example",
            "always option bootfile-param \"console=ttyS0\"",
            "always option vendor-class 343, \"PXEClient\"",
            "if member('IPXE')",
            "  option bootfile-url http://[2001:db8::1]/ubuntu.cfg",
            "elif member('UEFI_HTTP')",
            "  option bootfile-url http://boot.example/ipxe.efi",
            "else",
            "  option bootfile-url tftp://[2001:db8::1]/ipxe.efi",
            "end");

    /** The options part of a reply of {@code type} to {@code request}, parsed back. */
    private static Reply answer(Dhcp6Policy policy, CapturedVectors.Message request, int type) {
        Dhcp6MessageView in = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(in.wrap(Unpooled.wrappedBuffer(request.bytes())));
        PolicyDecision d = new PolicyDecision(policy);
        policy.decide(in, (String) null, d);
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(1500);
        try {
            Dhcp6Writer w = new Dhcp6Writer().begin(out, policy.maxReplyLength()).header(type, in.transactionId());
            policy.writeOptions(in.innermost(), d, type, w, false);
            assertTrue(w.finish(), w.error()::toString);
            byte[] bytes = new byte[out.readableBytes()];
            out.getBytes(out.readerIndex(), bytes);
            Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            assertTrue(v.wrap(Unpooled.wrappedBuffer(bytes)), v::toString);
            return new Reply(v);
        } finally {
            out.release();
        }
    }

    private record Reply(Dhcp6MessageView view) {
        boolean has(int code) {
            return view.hasOption(code);
        }

        String text(int code) {
            int i = view.indexOf(code);
            return i < 0 ? null : view.buffer().toString(view.optionOffset(i), view.optionLength(i), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void bootUrlIsAlreadyInTheAdvertise() {
        Reply advertise = answer(PolicyText.parse(POLICY), EDK2_PXE_SOLICIT, Dhcp6MessageType.ADVERTISE.value());
        assertEquals("tftp://[2001:db8::1]/ipxe.efi", advertise.text(OptionCodes.BOOT_FILE_URL));
    }

    @Test
    void edk2NeverGetsBootFileParametersThoughItAsksForThem() {
        Dhcp6Policy p = PolicyText.parse(POLICY);
        assertTrue(new Dhcp6MessageView(Dhcp6Limits.DEFAULT).wrap(Unpooled.wrappedBuffer(EDK2_PXE_SOLICIT.bytes())));
        assertFalse(answer(p, EDK2_PXE_SOLICIT, 2).has(OptionCodes.BOOT_FILE_PARAMETERS), "EDK2 PXE");
        assertFalse(answer(p, EDK2_HTTP_SOLICIT, 2).has(OptionCodes.BOOT_FILE_PARAMETERS), "EDK2 HTTP Boot");
        assertTrue(answer(p, IPXE_SOLICIT, 2).has(OptionCodes.BOOT_FILE_PARAMETERS), "iPXE takes them");
    }

    @Test
    void httpClientIsEchoedOnlyToHttpBootAndPxeClientNever() {
        Dhcp6Policy p = PolicyText.parse(POLICY);
        Reply http = answer(p, EDK2_HTTP_SOLICIT, 2);
        assertEquals(1, http.view().countOf(OptionCodes.VENDOR_CLASS));
        assertEquals("\0\0\1\u0057\0\nHTTPClient", http.text(OptionCodes.VENDOR_CLASS), "enterprise 343, one item");
        assertFalse(answer(p, EDK2_PXE_SOLICIT, 2).has(OptionCodes.VENDOR_CLASS), "configured PXEClient is not sent");
        assertFalse(answer(p, IPXE_SOLICIT, 2).has(OptionCodes.VENDOR_CLASS));
        assertTrue(p.problems().stream().anyMatch(x -> x.message().contains("\"PXEClient\" is never sent")));
    }

    @Test
    void preference255OnlyInAdvertisesOfAnAuthoritativeServer() {
        Dhcp6Policy authoritative = PolicyText.parse("authoritative\n" + POLICY);
        assertEquals(255, answer(authoritative, EDK2_PXE_SOLICIT, 2).view().preference());
        assertEquals(-1, answer(authoritative, EDK2_PXE_SOLICIT, 7).view().preference(), "not in a Reply");
        assertEquals(-1, answer(PolicyText.parse(POLICY), EDK2_PXE_SOLICIT, 2).view().preference());
    }

    @Test
    void dnsGoesWithABootUrlThatNamesAHostEvenUnasked() {
        Dhcp6Policy p = PolicyText.parse(POLICY);
        ByteBuf solicit = Unpooled.buffer();
        // UEFI HTTP Boot that asks only for the boot URL
        new Dhcp6Writer().begin(solicit).header(1, 0x010203)
                .beginOption(OptionCodes.CLIENT_ID).duidLl(1, 0x020000000002L).endOption()
                .optionRequest(new int[] {OptionCodes.BOOT_FILE_URL}).clientArchType(0x0010).finish();
        byte[] bytes = new byte[solicit.readableBytes()];
        solicit.readBytes(bytes);
        CapturedVectors.Message m = new CapturedVectors.Message("synthetic", 0, new byte[16], 546, 547, bytes);
        Reply r = answer(p, m, 2);
        assertEquals("http://boot.example/ipxe.efi", r.text(OptionCodes.BOOT_FILE_URL));
        assertTrue(r.has(OptionCodes.DNS_SERVERS), "boot.example must be resolvable");
        assertFalse(r.has(OptionCodes.DOMAIN_LIST), "not asked for, not always-send");
        Reply literal = answer(PolicyText.parse(POLICY.replace("http://boot.example/", "http://[2001:db8::1]/")), m, 2);
        assertFalse(literal.has(OptionCodes.DNS_SERVERS), "an address literal needs no DNS, and 23 was not asked for");
    }

    @Test
    void optionsGoOnlyToClientsThatRequestThemUnlessAlwaysSend() {
        Dhcp6Policy p = PolicyText.parse(POLICY);
        Reply dhclient = answer(p, DHCLIENT_SOLICIT, 2);            // ORO: 23, 59
        assertTrue(dhclient.has(OptionCodes.DNS_SERVERS));
        assertFalse(dhclient.has(OptionCodes.DOMAIN_LIST));
        assertTrue(dhclient.has(OptionCodes.BOOT_FILE_PARAMETERS), "always-send, and dhclient is not EDK2");
        Reply ipxe = answer(p, IPXE_SOLICIT, 2);                    // ORO: 23, 24, 59, 60
        assertTrue(ipxe.has(OptionCodes.DOMAIN_LIST));
        Reply perfdhcp = answer(p, CapturedVectors.frame("dhcp6-kea-perfdhcp-sarr.pcap", 1), 2);
        assertFalse(perfdhcp.has(OptionCodes.BOOT_FILE_URL), "59 not in its ORO");
    }
}
