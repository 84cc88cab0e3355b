package dev.ipv6boot.dhcp6.codec;

import static dev.ipv6boot.dhcp6.codec.Wire.header;
import static dev.ipv6boot.dhcp6.codec.Wire.message;
import static dev.ipv6boot.dhcp6.codec.Wire.option;
import static dev.ipv6boot.dhcp6.codec.Wire.relayForward;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.codec.TestBuffers.Kind;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The named malformed corpus: each case is named after what it breaks and asserts the specific error and the
 * offset (from the start of the outermost message) where it is found. Every case is decoded from a bounded
 * slice, so a read outside the message would throw, and from a guarded pooled buffer, which must agree.
 */
class Dhcp6MalformedCorpusTest {

    private static final String SOLICIT_IANA = option(3, "00000001" + "00000e10" + "00001518");
    private static final String CLIENT_ID_LL = option(1, "00030001020000000002");

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);

    /** Decodes {@code hex} and asserts the error and offset, in a bounded slice and in a guarded buffer. */
    private void assertRejected(String hex, Dhcp6DecodeError expected, int offset) {
        assertRejected(view, Wire.bytes(hex), expected, offset);
    }

    static void assertRejected(Dhcp6MessageView view, byte[] bytes, Dhcp6DecodeError expected, int offset) {
        for (Kind kind : Kind.values()) {
            ByteBuf guarded = TestBuffers.guarded(kind, bytes);
            try {
                ByteBuf bounded = TestBuffers.bounded(guarded, bytes.length);
                boolean ok = assertDoesNotThrow(() -> view.wrap(bounded), "bounded slice");
                assertFalse(ok, "accepted although malformed");
                assertEquals(expected, view.error(), "error");
                assertEquals(offset, view.errorOffset(), "offset of " + expected);
                assertFalse(view.wrap(guarded));
                assertEquals(expected, view.error(), "error in a guarded buffer");
                assertEquals(offset, view.errorOffset(), "offset in a guarded buffer");
            } finally {
                guarded.release();
            }
        }
    }

    private void assertAccepted(String hex) {
        ByteBuf buf = TestBuffers.guarded(Kind.DIRECT, Wire.bytes(hex));
        try {
            assertTrue(view.wrap(buf), () -> view.error() + " at " + view.errorOffset());
        } finally {
            buf.release();
        }
    }

    // ---- truncation ---------------------------------------------------------------------------------------

    @Test
    void truncationAtEveryOffsetOfEveryCapturedMessageIsRejectedWhereTheMessageEnds() {
        int cases = 0;
        for (CapturedMessage message : CapturedMessage.all()) {
            byte[] whole = message.bytes();
            for (int cut = 0; cut < whole.length; cut++) {
                byte[] truncated = java.util.Arrays.copyOf(whole, cut);
                Expected expected = expectedForTruncation(whole, cut);
                if (expected == null) {
                    ByteBuf buf = TestBuffers.guarded(Kind.HEAP, truncated);
                    try {
                        assertTrue(view.wrap(TestBuffers.bounded(buf, cut)),
                                () -> message + " cut at an option boundary must stay valid: " + view.error());
                    } finally {
                        buf.release();
                    }
                } else {
                    int at = cut;
                    try {
                        assertRejected(view, truncated, expected.error, expected.offset);
                    } catch (AssertionError e) {
                        throw new AssertionError(message + " cut at " + at + ": " + e.getMessage(), e);
                    }
                }
                cases++;
            }
        }
        assertTrue(cases > 5000, "truncations tried: " + cases);
    }

    private record Expected(Dhcp6DecodeError error, int offset) {
    }

    /** An oracle written apart from the decoder: walks the intact message's top level to see where the cut falls. */
    private static Expected expectedForTruncation(byte[] whole, int cut) {
        boolean relay = (whole[0] & 0xff) == 12 || (whole[0] & 0xff) == 13;
        int header = relay ? 34 : 4;
        if (cut < header) {
            return new Expected(Dhcp6DecodeError.TRUNCATED_HEADER, 0);
        }
        boolean relayMessageSeen = false;
        int p = header;
        while (p < whole.length) {
            int code = ((whole[p] & 0xff) << 8) | (whole[p + 1] & 0xff);
            int length = ((whole[p + 2] & 0xff) << 8) | (whole[p + 3] & 0xff);
            if (cut == p) {
                break;
            }
            if (cut < p + 4) {
                return new Expected(Dhcp6DecodeError.TRAILING_BYTES, p);
            }
            if (cut < p + 4 + length) {
                return new Expected(Dhcp6DecodeError.OPTION_OVERRUNS_MESSAGE, p);
            }
            relayMessageSeen |= code == 9;
            p += 4 + length;
        }
        return relay && !relayMessageSeen ? new Expected(Dhcp6DecodeError.RELAY_MESSAGE_MISSING, 0) : null;
    }

    @Test
    void emptyMessageIsATruncatedHeader() {
        assertRejected("", Dhcp6DecodeError.TRUNCATED_HEADER, 0);
    }

    @Test
    void threeOctetClientMessageIsATruncatedHeader() {
        assertRejected("01c126", Dhcp6DecodeError.TRUNCATED_HEADER, 0);
    }

    @Test
    void relayMessageShorterThan34OctetsIsATruncatedHeader() {
        assertRejected("0c00" + Wire.LINK + Wire.PEER.substring(0, 30), Dhcp6DecodeError.TRUNCATED_HEADER, 0);
    }

    // ---- lengths ------------------------------------------------------------------------------------------

    @Test
    void optionLengthPastTheEndOfTheMessage() {
        assertRejected(message(1, CLIENT_ID_LL, header(8, 0xffff), "0000"), Dhcp6DecodeError.OPTION_OVERRUNS_MESSAGE, 18);
    }

    @Test
    void optionLengthOneOctetPastTheEndOfTheMessage() {
        assertRejected(message(1, header(8, 3), "0000"), Dhcp6DecodeError.OPTION_OVERRUNS_MESSAGE, 4);
    }

    @Test
    void trailingGarbageAfterTheLastOption() {
        assertRejected(message(1, CLIENT_ID_LL) + "ffffff", Dhcp6DecodeError.TRAILING_BYTES, 18);
    }

    @Test
    void messageLongerThanTheConfiguredMaximum() {
        Dhcp6MessageView small = new Dhcp6MessageView(new Dhcp6Limits(100, 256, 4, 32, 130));
        String hex = message(1, option(0xff00, "00".repeat(93)));
        assertEquals(101, hex.length() / 2);
        assertRejected(small, Wire.bytes(hex), Dhcp6DecodeError.MESSAGE_TOO_LONG, 100);
        assertTrue(small.wrap(io.netty.buffer.Unpooled.wrappedBuffer(Wire.bytes(message(1, option(0xff00, "00".repeat(92)))))));
    }

    @Test
    void tooManyOptions() {
        String hex = message(1, Wire.repeat(option(14, ""), 257));
        assertRejected(hex, Dhcp6DecodeError.TOO_MANY_OPTIONS, 4 + 256 * 4);
        assertAccepted(message(1, Wire.repeat(option(14, ""), 256)));
    }

    @Test
    void nestedOptionsCountAgainstTheOptionLimit() {
        String statuses = Wire.repeat(option(13, "0000"), 256);
        assertRejected(message(7, option(3, "00000001" + "00000000" + "00000000" + statuses)),
                Dhcp6DecodeError.TOO_MANY_OPTIONS, 4 + 4 + 12 + 255 * 6);
    }

    // ---- identity associations ----------------------------------------------------------------------------

    @Test
    void iaNaShorterThan12Octets() {
        assertRejected(message(1, CLIENT_ID_LL, option(3, "00000001" + "00000e10" + "000015")),
                Dhcp6DecodeError.IA_NA_TOO_SHORT, 18);
    }

    @Test
    void iaTaShorterThan4Octets() {
        assertRejected(message(1, option(4, "000001")), Dhcp6DecodeError.IA_TA_TOO_SHORT, 4);
    }

    @Test
    void iaPdShorterThan12Octets() {
        assertRejected(message(1, option(25, "0000000100000e10")), Dhcp6DecodeError.IA_PD_TOO_SHORT, 4);
    }

    @Test
    void iaAddressShorterThan24Octets() {
        String iaAddress = option(5, Wire.LINK + "00000e10" + "0000");
        assertRejected(message(7, option(3, "00000001" + "00000000" + "00000000" + iaAddress)),
                Dhcp6DecodeError.IA_ADDRESS_TOO_SHORT, 4 + 4 + 12);
    }

    @Test
    void iaPrefixShorterThan25Octets() {
        String iaPrefix = option(26, "00000e10" + "00001c20" + Wire.LINK);
        assertRejected(message(7, option(25, "00000001" + "00000000" + "00000000" + iaPrefix)),
                Dhcp6DecodeError.IA_PREFIX_TOO_SHORT, 4 + 4 + 12);
    }

    @Test
    void suboptionLengthPastTheEndOfItsIaNa() {
        String ia = "00000001" + "00000000" + "00000000" + header(5, 24) + Wire.LINK;   // IAADDR cut to 16 octets
        assertRejected(message(7, option(3, ia)), Dhcp6DecodeError.SUBOPTION_OVERRUNS_OPTION, 4 + 4 + 12);
    }

    @Test
    void trailingBytesInsideAnIaNa() {
        String ia = "00000001" + "00000000" + "00000000" + option(13, "0000") + "0d";
        assertRejected(message(7, option(3, ia)), Dhcp6DecodeError.TRAILING_BYTES, 4 + 4 + 12 + 6);
    }

    @Test
    void statusCodeWithoutItsCodeInsideAnIaAddress() {
        String address = option(5, Wire.LINK + "00000e10" + "00001c20" + option(13, "00"));
        assertRejected(message(7, option(3, "00000001" + "00000000" + "00000000" + address)),
                Dhcp6DecodeError.STATUS_CODE_TOO_SHORT, 4 + 4 + 12 + 4 + 24);
    }

    @Test
    void iaNaNestedInIaNaPastTheEncapsulationDepthIsABomb() {
        String inner = option(3, "00000001" + "00000000" + "00000000");
        String bomb = inner;
        for (int i = 0; i < 4; i++) {                 // five levels; the default allows four
            bomb = option(3, "00000001" + "00000000" + "00000000" + bomb);
        }
        // The fifth IA_NA's header: message header, then four (header + 12 fixed octets).
        assertRejected(message(7, bomb), Dhcp6DecodeError.ENCAPSULATION_TOO_DEEP, 4 + 4 * 16);
        String four = option(3, "00000001" + "00000000" + "00000000"
                + option(3, "00000001" + "00000000" + "00000000"
                + option(3, "00000001" + "00000000" + "00000000" + inner)));
        assertAccepted(message(7, four));
    }

    // ---- DUIDs --------------------------------------------------------------------------------------------

    @Test
    void duidOver128OctetsAfterItsType() {
        String duid = "0002" + "00000157" + "ab".repeat(125);        // DUID-EN, 2 + 129 octets
        assertEquals(131, duid.length() / 2);
        assertRejected(message(1, option(1, duid)), Dhcp6DecodeError.DUID_TOO_LONG, 4);
        assertAccepted(message(1, option(1, "0002" + "00000157" + "ab".repeat(124))));   // exactly 130
    }

    @Test
    void serverDuidOver128OctetsAfterItsType() {
        assertRejected(message(2, option(2, "0004" + "00".repeat(129))), Dhcp6DecodeError.DUID_TOO_LONG, 4);
    }

    @Test
    void duidOfOnlyItsType() {
        assertRejected(message(1, option(1, "0003")), Dhcp6DecodeError.DUID_TOO_SHORT, 4);
    }

    @Test
    void duidLltWithoutItsTime() {
        assertRejected(message(1, option(1, "00010001" + "000000")), Dhcp6DecodeError.DUID_TOO_SHORT, 4);
    }

    @Test
    void duidUuidOf15Octets() {
        assertRejected(message(1, option(1, "0004" + "00".repeat(15))), Dhcp6DecodeError.DUID_TOO_SHORT, 4);
    }

    @Test
    void duidUuidOf17Octets() {
        assertRejected(message(1, option(1, "0004" + "00".repeat(17))), Dhcp6DecodeError.DUID_TOO_LONG, 4);
    }

    // ---- relays -------------------------------------------------------------------------------------------

    private static String chain(int relays, String inner) {
        String hex = inner;
        for (int i = relays - 1; i >= 0; i--) {
            hex = relayForward(i, hex);
        }
        return hex;
    }

    @Test
    void relayChain33Deep() {
        // 32 relay headers with their Relay Message option (34 + 4 octets each), then a 33rd relay header.
        assertRejected(chain(33, message(1, CLIENT_ID_LL)), Dhcp6DecodeError.RELAY_TOO_DEEP, 32 * 38);
    }

    @Test
    void relayChain32DeepIsTheHopCountLimit() {
        ByteBuf buf = TestBuffers.guarded(Kind.DIRECT, Wire.bytes(chain(32, message(1, CLIENT_ID_LL))));
        try {
            assertTrue(view.wrap(buf), () -> view.error().toString());
            Dhcp6MessageView inner = view.innermost();
            assertEquals(32, inner.relayLevel());
            assertEquals(Dhcp6MessageType.SOLICIT, inner.type());
            assertEquals(31, view.relayMessage().relayMessage().relayLevel() + 29);
        } finally {
            buf.release();
        }
    }

    @Test
    void relayWithoutARelayMessageOption() {
        assertRejected("0c00" + Wire.LINK + Wire.PEER + option(18, "65746830"), Dhcp6DecodeError.RELAY_MESSAGE_MISSING, 0);
    }

    @Test
    void relayWithTwoRelayMessageOptions() {
        String solicit = message(1, CLIENT_ID_LL);
        String hex = relayForward(0, solicit) + option(9, solicit);
        assertRejected(hex, Dhcp6DecodeError.RELAY_MESSAGE_DUPLICATE, 34 + 4 + solicit.length() / 2);
    }

    @Test
    void relayMessageOptionHoldingTwoOctets() {
        assertRejected(relayForward(0, "01c1"), Dhcp6DecodeError.TRUNCATED_HEADER, 38);
    }

    @Test
    void errorInsideARelayedMessageIsReportedFromTheOutermostStart() {
        String inner = message(1, option(3, "0000000100000e10000015"));
        assertRejected(relayForward(0, inner, option(18, "65746830")), Dhcp6DecodeError.IA_NA_TOO_SHORT,
                34 + 8 + 4 + 4);
    }

    @Test
    void relayMessageOptionOverrunningTheRelay() {
        assertRejected("0c00" + Wire.LINK + Wire.PEER + header(9, 40) + message(1), Dhcp6DecodeError.OPTION_OVERRUNS_MESSAGE, 34);
    }

    // ---- fixed-size options -------------------------------------------------------------------------------

    @Test
    void elapsedTimeOfThreeOctets() {
        assertRejected(message(1, option(8, "000000")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void preferenceOfTwoOctets() {
        assertRejected(message(2, option(7, "ff00")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void rapidCommitWithData() {
        assertRejected(message(1, option(14, "00")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void dnsServersNotAMultipleOf16Octets() {
        assertRejected(message(7, option(23, Wire.LINK + "0000")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void optionRequestOfAnOddLength() {
        assertRejected(message(1, option(6, "001700")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void clientArchitectureTypeWithNoType() {
        assertRejected(message(1, option(61, "")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void networkInterfaceIdOfTwoOctets() {
        assertRejected(message(1, option(62, "0103")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void unicastOfFifteenOctets() {
        assertRejected(message(2, option(12, Wire.LINK.substring(2))), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void authenticationShorterThanItsFixedFields() {
        assertRejected(message(1, option(11, "030100" + "0000000000")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void clientLinkLayerAddressWithoutItsType() {
        assertRejected(relayForward(0, message(1), option(79, "00")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 34);
    }

    // ---- items, vendor options, names ---------------------------------------------------------------------

    @Test
    void userClassItemPastTheEndOfTheOption() {
        assertRejected(message(1, option(15, "0005" + "69505845")), Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, 8);
    }

    @Test
    void userClassWithOneTrailingOctet() {
        assertRejected(message(1, option(15, "0004" + "69505845" + "00")), Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, 14);
    }

    @Test
    void vendorClassShorterThanItsEnterpriseNumber() {
        assertRejected(message(1, option(16, "000001")), Dhcp6DecodeError.VENDOR_OPTION_TOO_SHORT, 4);
    }

    @Test
    void vendorClassItemPastTheEndOfTheOption() {
        assertRejected(message(1, option(16, "00000157" + "0020" + "505845436c69656e74")),
                Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, 12);
    }

    @Test
    void vendorSubOptionPastTheEndOfVendorOptions() {
        assertRejected(message(7, option(17, "00000157" + header(1, 9) + "01020304")),
                Dhcp6DecodeError.SUBOPTION_OVERRUNS_OPTION, 12);
    }

    @Test
    void vendorSubOptionCodesAreTheEnterprisesNotTheCatalogues() {
        // Sub-option 3 of enterprise 343 is not an IA_NA, so its 2 octets are fine.
        assertAccepted(message(7, option(17, "00000157" + option(3, "abcd"))));
    }

    @Test
    void remoteIdShorterThanItsEnterpriseNumber() {
        assertRejected(relayForward(0, message(1), option(37, "0000")), Dhcp6DecodeError.VENDOR_OPTION_TOO_SHORT, 34);
    }

    @Test
    void bootFileParameterPastTheEndOfTheOption() {
        assertRejected(message(7, option(60, "0003" + "6f6b")), Dhcp6DecodeError.ITEM_OVERRUNS_OPTION, 8);
    }

    @Test
    void domainListWithACompressionPointer() {
        assertRejected(message(7, option(24, "04626f6f74" + "c00c")), Dhcp6DecodeError.DOMAIN_NAME_INVALID, 8);
    }

    @Test
    void domainListNameWithoutItsRootLabel() {
        assertRejected(message(7, option(24, "04626f6f74" + "00" + "076578616d706c65")),
                Dhcp6DecodeError.DOMAIN_NAME_INVALID, 14);
    }

    @Test
    void domainListLabelPastTheEndOfTheOption() {
        assertRejected(message(7, option(24, "09626f6f7400")), Dhcp6DecodeError.DOMAIN_NAME_INVALID, 8);
    }

    @Test
    void domainListNameOver255Octets() {
        String label = "3f" + "61".repeat(63);                 // 64 octets each
        assertRejected(message(7, option(24, label.repeat(4) + "00")), Dhcp6DecodeError.DOMAIN_NAME_INVALID, 8);
        assertAccepted(message(7, option(24, label.repeat(3) + "3d" + "61".repeat(61) + "00")));  // 255 octets
    }

    @Test
    void fqdnWithARootLabelBeforeItsEnd() {
        assertRejected(message(1, option(39, "01" + "04626f6f74" + "00" + "03636f6d")),
                Dhcp6DecodeError.DOMAIN_NAME_INVALID, 9);
    }

    @Test
    void fqdnWithoutItsFlags() {
        assertRejected(message(1, option(39, "")), Dhcp6DecodeError.OPTION_LENGTH_INVALID, 4);
    }

    @Test
    void everyErrorReasonHasACaseHere() throws Exception {
        List<Dhcp6DecodeError> covered = new ArrayList<>();
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/java/dev/ipv6boot/dhcp6/codec/Dhcp6MalformedCorpusTest.java"));
        for (Dhcp6DecodeError error : Dhcp6DecodeError.values()) {
            if (error != Dhcp6DecodeError.NONE && source.contains("Dhcp6DecodeError." + error.name() + ",")) {
                covered.add(error);
            }
        }
        assertEquals(Dhcp6DecodeError.values().length - 1, covered.size(), "reasons with a named case: " + covered);
    }
}
