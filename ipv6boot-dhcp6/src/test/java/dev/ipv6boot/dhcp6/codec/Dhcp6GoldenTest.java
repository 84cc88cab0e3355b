package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.ArchitectureTypes;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.TestBuffers.Kind;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every DHCPv6 message in every real capture decodes, prints and re-encodes to the identical bytes, in direct
 * and heap pooled buffers; and the facts {@code vectors/README.md} lists are read off them.
 */
class Dhcp6GoldenTest {

    static Stream<CapturedMessage> everyMessage() {
        return CapturedMessage.all().stream();
    }

    @Test
    void theCapturesHoldEveryKindOfClientTheIssueNames() {
        List<CapturedMessage> all = CapturedMessage.all();
        assertEquals(76, all.size(), "DHCPv6 messages in the captures");
        Set<String> files = new TreeSet<>();
        all.forEach(m -> files.add(m.file()));
        assertEquals(12, files.size(), files.toString());
        assertTrue(all.stream().anyMatch(m -> m.messageType() == 12), "a Relay-forw");
        assertTrue(all.stream().anyMatch(m -> m.messageType() == 13), "a Relay-repl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessage")
    void decodesPrintsAndReencodesToTheIdenticalBytes(CapturedMessage message) {
        for (Kind kind : Kind.values()) {
            decodePrintReencode(message, kind);
        }
    }

    private static void decodePrintReencode(CapturedMessage message, Kind kind) {
        ByteBuf in = TestBuffers.guarded(kind, message.bytes());
        ByteBuf out = TestBuffers.pooled(kind, 64);
        try {
            int readerIndex = in.readerIndex();
            int writerIndex = in.writerIndex();
            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            assertTrue(view.wrap(in), () -> message + ": " + view.error() + " at " + view.errorOffset());
            assertEquals(Dhcp6DecodeError.NONE, view.error());
            assertEquals(readerIndex, in.readerIndex(), "wrap must not move the reader index");
            assertEquals(writerIndex, in.writerIndex(), "wrap must not move the writer index");
            assertEquals(1, in.refCnt(), "wrap must neither retain nor release");
            assertEquals(message.messageType(), view.messageType());
            assertEquals(message.bytes().length, view.messageLength());

            String printed = Dhcp6Printer.toString(view);
            assertTrue(printed.startsWith(view.type().title() + " (" + view.messageType() + ")"), printed);
            assertEquals(expectedLines(view), printed.lines().count(), printed);

            Dhcp6Writer writer = new Dhcp6Writer();
            Dhcp6Reencoder.write(view, writer.begin(out));
            assertTrue(writer.finish(), () -> message + ": " + writer.error());
            assertEquals(message.hex(), java.util.HexFormat.of().formatHex(TestBuffers.bytes(out)), message::toString);
        } finally {
            in.release();
            out.release();
        }
    }

    /** One line per message header and per option at every level, relay messages included. */
    private static long expectedLines(Dhcp6MessageView view) {
        long lines = 1;
        Dhcp6OptionCursor cursor = new Dhcp6OptionCursor();
        for (int i = 0; i < view.optionCount(); i++) {
            if (i == view.relayMessageIndex()) {
                lines += 1 + expectedLines(view.relayMessage());
            } else {
                lines += 1 + nestedCount(view.buffer(), view.optionCode(i), view.optionOffset(i), view.optionLength(i), cursor);
            }
        }
        return lines;
    }

    private static long nestedCount(ByteBuf buf, int code, int offset, int length, Dhcp6OptionCursor unused) {
        long n = 0;
        Dhcp6OptionCursor cursor = new Dhcp6OptionCursor().encapsulatedIn(buf, code, offset, length);
        while (cursor.next()) {
            n += 1 + (code == OptionCodes.VENDOR_OPTIONS ? 0
                    : nestedCount(buf, cursor.code(), cursor.dataOffset(), cursor.length(), null));
        }
        return n;
    }

    // ---- the facts of vectors/README.md ---------------------------------------------------------------------

    /** Runs {@code check} on the valid view of {@code message}, in a pooled buffer released afterwards. */
    private static void with(CapturedMessage message, java.util.function.Consumer<Dhcp6MessageView> check) {
        ByteBuf in = TestBuffers.guarded(Kind.DIRECT, message.bytes());
        try {
            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            assertTrue(view.wrap(in), message::toString);
            check.accept(view);
        } finally {
            in.release();
        }
    }

    @Test
    void ipxeInformationRequestCarriesArch7UserClassIpxeAndAnAllZeroDuidUuid() {
        List<CapturedMessage> messages = CapturedMessage.in("ipxe-efi-boot.pcap");
        CapturedMessage infoRequest = messages.stream()
                .filter(m -> m.messageType() == Dhcp6MessageType.INFORMATION_REQUEST.value()).findFirst().orElseThrow();
        with(infoRequest, v -> {
            assertEquals(0xc126d6, v.transactionId());
            assertEquals(1, v.archTypeCount());
            assertEquals(ArchitectureTypes.EFI_X86_64, v.archType(0));
            assertTrue(v.hasUserClass("iPXE"));
            assertFalse(v.hasUserClass("iPX"));
            assertEquals(343, v.vendorClassEnterprise());
            assertTrue(v.vendorClassStartsWith("PXEClient"));
            assertTrue(v.hasOption(OptionCodes.NII));
            assertEquals(Duid.UUID, v.clientDuidType());
            int c = v.clientIdIndex();
            assertEquals(18, v.optionLength(c));
            for (int i = 2; i < 18; i++) {
                assertEquals(0, v.buffer().getByte(v.optionOffset(c) + i), "DUID-UUID octet " + i);
            }
            assertEquals(-1, v.clientDuidEthernetAddress(), "a UUID carries no MAC");
        });
    }

    @Test
    void ipxeRequestReusesItsSolicitsTransactionId() {
        List<CapturedMessage> messages = CapturedMessage.in("ipxe-efi-managed-boot.pcap");
        int[] ids = new int[2];
        for (CapturedMessage m : messages) {
            if (m.messageType() == Dhcp6MessageType.SOLICIT.value()) {
                with(m, v -> ids[0] = v.transactionId());
            } else if (m.messageType() == Dhcp6MessageType.REQUEST.value()) {
                with(m, v -> ids[1] = v.transactionId());
            }
        }
        assertEquals(0xc126d6, ids[0]);
        assertEquals(ids[0], ids[1]);
    }

    @Test
    void uefiHttpBootSendsVendorClassHttpClientAndArch0x0010() {
        CapturedMessage solicit = CapturedMessage.in("ipxe-ovmfnet-boot.pcap").stream()
                .filter(m -> m.messageType() == 1 && bytesContain(m.bytes(), "HTTPClient")).findFirst().orElseThrow();
        with(solicit, v -> {
            assertEquals(ArchitectureTypes.X64_UEFI_HTTP, v.archType(0));
            assertTrue(v.hasArchType(0x0010));
            assertTrue(ArchitectureTypes.isUefiHttp(v.archType(0)));
            assertEquals(343, v.vendorClassEnterprise());
            assertTrue(v.vendorClassStartsWith("HTTPClient"));
            assertFalse(v.vendorClassStartsWith("PXEClient"));
            assertFalse(v.hasUserClass("iPXE"), "firmware, not iPXE");
        });
    }

    @Test
    void edk2PxeSolicitAsksForOptions60And16WithItsDuidLlt() {
        CapturedMessage solicit = CapturedMessage.in("ipxe-ovmfnet-boot.pcap").stream()
                .filter(m -> m.messageType() == 1 && bytesContain(m.bytes(), "PXEClient")).findFirst().orElseThrow();
        with(solicit, v -> {
            assertEquals(ArchitectureTypes.EFI_X86_64, v.archType(0));
            assertTrue(v.requestsOption(OptionCodes.BOOT_FILE_PARAMETERS));
            assertTrue(v.requestsOption(OptionCodes.VENDOR_CLASS));
            assertTrue(v.requestsOption(OptionCodes.BOOT_FILE_URL));
            assertFalse(v.requestsOption(OptionCodes.PREFERENCE));
            assertEquals(Duid.LLT, v.clientDuidType());
            assertEquals(0x525400123456L, v.clientDuidEthernetAddress());
            assertEquals(0, v.elapsedTime(), "EDK2's Elapsed Time stays 0");
            int ia = v.indexOf(OptionCodes.IA_NA);
            assertEquals(0xffffffffL, dev.ipv6boot.dhcp6.codec.option.IaNa.t1(v.buffer(), v.optionOffset(ia)));
        });
    }

    @Test
    void perfdhcpRelayChainCarriesTheClientMessageOneHopDown() {
        List<CapturedMessage> messages = CapturedMessage.in("dhcp6-kea-perfdhcp-relay.pcap");
        assertEquals(12, messages.size());
        int forwards = 0;
        for (CapturedMessage m : messages) {
            boolean forward = m.messageType() == Dhcp6MessageType.RELAY_FORW.value();
            forwards += forward ? 1 : 0;
            with(m, v -> {
                assertTrue(v.isRelay());
                assertEquals(0, v.hopCount());
                assertEquals(-1, v.transactionId());
                Dhcp6MessageView inner = v.relayMessage();
                assertNotNull(inner);
                assertFalse(inner.isRelay());
                assertEquals(1, inner.relayLevel());
                assertEquals(inner, v.innermost());
                int expectedInner = forward ? 1 : 2;                // Solicit/Request in, Advertise/Reply out
                assertTrue(forward ? inner.messageType() == 1 || inner.messageType() == 3
                        : inner.messageType() == 2 || inner.messageType() == 7, "inner " + inner.type());
                assertTrue(inner.clientIdIndex() >= 0);
                assertEquals(v.optionOffset(v.relayMessageIndex()), inner.messageOffset());
                assertTrue(expectedInner > 0);
            });
        }
        assertEquals(6, forwards);
    }

    @Test
    void rapidCommitSolicitIsAnsweredByAReplyWithRapidCommit() {
        List<CapturedMessage> messages = CapturedMessage.in("dhcp6-kea-perfdhcp-rapidcommit.pcap");
        assertEquals(2, messages.size());
        with(messages.get(0), v -> {
            assertEquals(Dhcp6MessageType.SOLICIT.value(), v.messageType());
            assertTrue(v.hasRapidCommit());
        });
        with(messages.get(1), v -> {
            assertEquals(Dhcp6MessageType.REPLY.value(), v.messageType());
            assertTrue(v.hasRapidCommit());
        });
    }

    @Test
    void keaAnswersIpxeWithTheScriptUrlAndEfiWithIpxeEfi() {
        for (String file : new String[] {"dhcp6-kea-dhclient-ipxe-sarr.pcap", "dhcp6-kea-dhclient-efi-sarr.pcap"}) {
            CapturedMessage advertise = CapturedMessage.in(file).stream()
                    .filter(m -> m.messageType() == 2).findFirst().orElseThrow();
            String expected = file.contains("ipxe") ? "http://[2001:db8::1]/ubuntu.cfg" : "http://[2001:db8::1]/ipxe.efi";
            with(advertise, v -> {
                int url = v.indexOf(OptionCodes.BOOT_FILE_URL);
                assertTrue(url >= 0, file);
                assertTrue(dev.ipv6boot.dhcp6.codec.option.Ascii.equals(v.buffer(), v.optionOffset(url),
                        v.optionLength(url), expected), file);
            });
        }
    }

    @Test
    void prefixDelegationReplyCarriesAnIaPrefix() {
        CapturedMessage reply = CapturedMessage.in("dhcp6-kea-dhclient-pd.pcap").stream()
                .filter(m -> m.messageType() == 7).findFirst().orElseThrow();
        with(reply, v -> {
            int pd = v.indexOf(OptionCodes.IA_PD);
            assertTrue(pd >= 0);
            Dhcp6OptionCursor sub = v.suboptions(pd, new Dhcp6OptionCursor());
            assertTrue(sub.next());
            assertEquals(OptionCodes.IA_PREFIX, sub.code());
            assertTrue(dev.ipv6boot.dhcp6.codec.option.IaPrefix.prefixLength(v.buffer(), sub.dataOffset()) <= 128);
        });
    }

    private static boolean bytesContain(byte[] haystack, String needle) {
        return new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
    }
}
