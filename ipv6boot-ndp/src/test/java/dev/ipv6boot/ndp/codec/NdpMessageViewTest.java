package dev.ipv6boot.ndp.codec;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The named malformed corpus: each message and the reason it must be dropped. */
class NdpMessageViewTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "emptyMessage,                       '',                                                      TRUNCATED",
            "rsShorterThan8Bytes,                85000000000000,                                          TRUNCATED",
            "raShorterThan16Bytes,               860000004000000000000000000000,                          TRUNCATED",
            "nsShorterThan24Bytes,               8700000000000000fe80000000000000,                         TRUNCATED",
            "neighborAdvertisementIsNotHandled,  880000000000000000000000000000000000000000000000,        UNSUPPORTED_TYPE",
            "echoRequestIsNotHandled,            8000000000000000,                                        UNSUPPORTED_TYPE",
            "rsWithNonZeroCode,                  8501000000000000,                                        BAD_CODE",
            "zeroLengthOption,                   85000000000000000100020000000001,                        ZERO_LENGTH_OPTION",
            "optionRunsPastTheEnd,               850000000000000001020200000000010000,                    OPTION_OVERRUNS_MESSAGE",
            "lonelyOptionTypeByte,               850000000000000001,                                      OPTION_OVERRUNS_MESSAGE",
            "prefixInformationOf24Bytes,         86000000400000000000000000000000030340c000015180000038400000000020010db800000000,  MALFORMED_OPTION",
            "mtuOptionOf16Bytes,                 860000004000000000000000000000000502000000000500000000000000000000, MALFORMED_OPTION",
            "rdnssWithEvenLength,                860000004000000000000000000000001904000000000000000000000000000000000000000000000000000000000000, MALFORMED_OPTION",
            "routeInfoPrefix96In16Bytes,         8600000040000000000000000000000018026000000000010000000000000000, MALFORMED_OPTION",
            "pref64Of8Bytes,                     860000004000000000000000000000002601000000000000,        MALFORMED_OPTION",
    })
    void dropsMalformedMessages(String name, String hex, NdpStatus expected) {
        NdpMessageView view = new NdpMessageView();
        assertEquals(expected, view.parse(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.trim()))), name);
        assertFalse(view.isRouterSolicitation());
        assertThrows(IllegalStateException.class, view::optionCount);
    }

    @Test
    void rejectsSolicitationFromUnspecifiedSourceWithLinkLayerAddress() {
        byte[] rs = HexFormat.of().parseHex("85000000000000000101020000000002");
        NdpMessageView view = new NdpMessageView();
        assertEquals(NdpStatus.UNSPECIFIED_SOURCE_WITH_LINK_LAYER_ADDRESS, view.parse(Unpooled.wrappedBuffer(rs), true));
        assertEquals(NdpStatus.OK, view.parse(Unpooled.wrappedBuffer(rs), false));
        assertEquals(0x020000000002L, view.sourceLinkLayerAddress());
    }

    @Test
    void capsTheNumberOfOptions() {
        byte[] rs = new byte[8 + 8 * 5];
        rs[0] = (byte) 133;
        for (int i = 0; i < 5; i++) {
            rs[8 + 8 * i] = (byte) 200;
            rs[9 + 8 * i] = 1;
        }
        assertEquals(NdpStatus.TOO_MANY_OPTIONS, new NdpMessageView(new NdpLimits(1280, 4)).parse(Unpooled.wrappedBuffer(rs)));
        assertEquals(NdpStatus.OK, new NdpMessageView(new NdpLimits(1280, 5)).parse(Unpooled.wrappedBuffer(rs)));
        assertEquals(NdpStatus.TOO_LONG, new NdpMessageView(new NdpLimits(40, 5)).parse(Unpooled.wrappedBuffer(rs)));
    }

    @Test
    void readsOnlyTheReadableBytesAndLeavesIndexesAlone() {
        byte[] framed = HexFormat.of().parseHex("ffff" + "8500000000000000" + "eeee");
        var buf = Unpooled.wrappedBuffer(framed).setIndex(2, 10);
        NdpMessageView view = new NdpMessageView();
        assertEquals(NdpStatus.OK, view.parse(buf));
        assertEquals(8, view.length());
        assertEquals(2, buf.readerIndex());
        assertEquals(-1, view.sourceLinkLayerAddress());
        assertThrows(IllegalStateException.class, view::routerLifetime, "an RS has no router lifetime");
    }

    @Test
    void readFailsWithTypedErrorOnAMalformedDnssl() {
        // DNSSL whose label length 0x3f runs past the option
        byte[] ra = HexFormat.of().parseHex("86000000400000000000000000000000" + "1f020000000000003f61626300000000");
        NdpFormatException e = assertThrows(NdpFormatException.class,
                () -> RouterAdvertisement.read(Unpooled.wrappedBuffer(ra)));
        assertEquals(NdpStatus.MALFORMED_OPTION, e.status());
    }
}
