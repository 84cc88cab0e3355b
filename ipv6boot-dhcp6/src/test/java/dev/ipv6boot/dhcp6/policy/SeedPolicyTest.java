package dev.ipv6boot.dhcp6.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed's {@code dhcpd6.conf} (ISC dhcpd), translated statement for statement, behaves as dhcpd did: arch 7
 * gets ipxe.efi, user class iPXE the script, everyone DNS; and its chain-load trap is reported when compiled.
 * With the order fixed (as in the Kea configuration the captures were made with), the policy chooses the boot
 * URL Kea sent in every captured reply.
 */
class SeedPolicyTest {

    /** /work/shared/seed/dhcpd6.conf, one statement per line in the same order. */
    static final String SEED = String.join("\n",
            "option dns-servers 2001:db8::1                                        # option dhcp6.name-servers",
            "if option[61].exists and option[61].hex == 0x0007                     # client-arch-type = 00:07",
            "  option bootfile-url \"http://[2001:db8::1]/ipxe.efi\"",
            "elif option[15].exists and substring(option[15].hex, 2, 4) == 'iPXE'  # user-class",
            "  option bootfile-url \"http://[2001:db8::1]/ubuntu.cfg\"",
            "end",
            "subnet 2001:db8::/64",
            "end");

    /** The vectors' Kea configuration: iPXE first, then arch 7 and UEFI HTTP Boot. */
    static final String FIXED = String.join("\n",
            "option dns-servers 2001:db8::1",
            "if member('IPXE')",
            "  option bootfile-url http://[2001:db8::1]/ubuntu.cfg",
            "elif option[61].hex == 0x0007 or member('UEFI_HTTP')",
            "  option bootfile-url http://[2001:db8::1]/ipxe.efi",
            "end",
            "subnet 2001:db8::/64",
            "  pool 2001:db8::1:0 - 2001:db8::1:ffff",
            "end");

    private static String urlFor(Dhcp6Policy policy, CapturedVectors.Message m) {
        Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(view.wrap(Unpooled.wrappedBuffer(m.bytes())));
        PolicyDecision d = new PolicyDecision(policy);
        policy.decide(view, (String) null, d);
        assertTrue(d.find(OptionCodes.DNS_SERVERS) != null, "DNS for everyone: " + m);
        return d.bootFileUrl();
    }

    @Test
    void seedGivesArch7IpxeEfiAndUserClassIpxeTheScript() {
        Dhcp6Policy seed = PolicyText.parse(SEED);
        assertEquals("http://[2001:db8::1]/ipxe.efi", urlFor(seed, CapturedVectors.frame("dhcp6-kea-dhclient-efi-sarr.pcap", 1)));
        assertEquals("http://[2001:db8::1]/ubuntu.cfg", urlFor(seed, CapturedVectors.frame("dhcp6-kea-dhclient-ipxe-sarr.pcap", 1)));
        assertEquals("http://[2001:db8::1]/ubuntu.cfg", urlFor(seed, CapturedVectors.frame("dhcp6-kea-dhcpcd-sarr.pcap", 1)));
        assertEquals("http://[2001:db8::1]/ipxe.efi", urlFor(seed, CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10)));
        assertNull(urlFor(seed, CapturedVectors.frame("dhcp6-kea-perfdhcp-sarr.pcap", 1)));
        assertNull(urlFor(seed, CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 5)), "EDK2's bare Information-Request");
    }

    @Test
    void seedHandsRealIpxeItsOwnBinaryAgain() {
        // iPXE EFI sends arch 7 and user class iPXE: dhcpd's first branch wins, so iPXE loads ipxe.efi forever.
        Dhcp6Policy seed = PolicyText.parse(SEED);
        assertEquals("http://[2001:db8::1]/ipxe.efi", urlFor(seed, CapturedVectors.frame("ipxe-efi-boot.pcap", 5)));
        assertEquals("http://[2001:db8::1]/ipxe.efi", urlFor(seed, CapturedVectors.frame("ipxe-efi-managed-boot.pcap", 5)));
    }

    @Test
    void seedsChainLoadTrapIsReportedWhenCompiled() {
        List<PolicyProblem> problems = PolicyText.parse(SEED).problems();
        List<PolicyProblem> loops = problems.stream().filter(p -> p.message().startsWith("chain-load loop"))
                .collect(Collectors.toList());
        assertEquals(1, loops.size(), problems::toString);
        PolicyProblem loop = loops.get(0);
        assertEquals("line 3", loop.source(), "where the offending boot URL is set");
        assertTrue(loop.message().contains("iPXE x86-64 EFI"), loop.message());
        assertTrue(loop.message().contains("http://[2001:db8::1]/ipxe.efi"), loop.message());
        assertTrue(loop.message().contains("'option[61].exists and option[61].hex == 0x0007' (line 2)"), loop.message());
        assertTrue(loop.message().contains("the rule meant for iPXE, 'option[15].exists and substring(option[15].hex, 2, 4)"
                + " == 'iPXE'' (line 4), comes after it and never applies"), loop.message());
        assertTrue(loop.message().contains("member('IPXE')"), "says how to fix it: " + loop.message());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("UEFI PXE loads only tftp://")),
                "and that EDK2 PXE cannot load an http:// URL (PXE-E53 in the OVMF capture): " + problems);
    }

    @Test
    void fixedOrderHasNoLoop() {
        Dhcp6Policy fixed = PolicyText.parse(FIXED);
        assertTrue(fixed.problems().stream().noneMatch(p -> p.message().startsWith("chain-load loop")),
                fixed.problems()::toString);
        assertEquals("http://[2001:db8::1]/ubuntu.cfg", urlFor(fixed, CapturedVectors.frame("ipxe-efi-boot.pcap", 5)));
    }

    @Test
    void fixedOrderChoosesTheBootUrlKeaSentInEveryCapturedReply() {
        Dhcp6Policy fixed = PolicyText.parse(FIXED);
        int compared = 0;
        for (CapturedVectors.Message request : CapturedVectors.allClientMessages()) {
            int type = request.type() == 12 ? innermostType(request) : request.type();
            if (type != 1 && type != 3 && type != 11) {
                continue;                                    // Release, Decline...: no configuration in the reply
            }
            CapturedVectors.Message reply = CapturedVectors.replyTo(request).orElse(null);
            if (reply == null) {
                continue;
            }
            String kea = bootUrlIn(reply);
            String ours = urlFor(fixed, request);
            if (kea != null || ours != null) {
                assertTrue(requests59(request), "the capture sent 59 only to clients that asked: " + request);
            }
            assertEquals(kea, ours, request.toString());
            compared++;
        }
        assertTrue(compared >= 25, "compared " + compared + " captured exchanges");
    }

    private static int innermostType(CapturedVectors.Message m) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(m.bytes())));
        return v.innermost().messageType();
    }

    private static boolean requests59(CapturedVectors.Message m) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(m.bytes())));
        return v.innermost().requestsOption(OptionCodes.BOOT_FILE_URL);
    }

    static String bootUrlIn(CapturedVectors.Message reply) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(reply.bytes())));
        Dhcp6MessageView inner = v.innermost();
        int i = inner.indexOf(OptionCodes.BOOT_FILE_URL);
        return i < 0 ? null : inner.buffer().toString(inner.optionOffset(i), inner.optionLength(i), StandardCharsets.UTF_8);
    }
}
