package dev.ipv6boot.dhcp6.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassExpressionTest {

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
    private ByteBuf buf;

    @AfterEach
    void release() {
        if (buf != null) {
            buf.release();
        }
    }

    private Dhcp6MessageView wrap(CapturedVectors.Message m) {
        if (buf != null) {
            buf.release();
        }
        buf = PooledByteBufAllocator.DEFAULT.directBuffer(m.bytes().length + 16);
        buf.writeZero(9).writeBytes(m.bytes()).readerIndex(9);   // not at index 0: offsets must be honoured
        assertTrue(view.wrap(buf), view::toString);
        return view;
    }

    private boolean eval(String expression, CapturedVectors.Message m) {
        return ClassExpression.compile(expression).test(wrap(m), 0);
    }

    private static CapturedVectors.Message ipxeInfoRequest() {
        return CapturedVectors.frame("ipxe-efi-boot.pcap", 5);
    }

    private static CapturedVectors.Message edk2PxeSolicit() {
        return CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10);
    }

    private static CapturedVectors.Message relayedSolicit() {
        return CapturedVectors.frame("dhcp6-kea-perfdhcp-relay.pcap", 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "option[61].hex == 0x0007                                        | true",
        "option[61].hex == 0x0010                                        | false",
        "option[61].exists                                               | true",
        "option[14].exists                                               | false",
        "substring(option[15].hex, 2, 4) == 'iPXE'                       | true",
        "substring(option[15].hex, 2, all) == 'iPXE'                     | true",
        "substring(option[15].hex, -4, 4) == 'iPXE'                      | true",
        "substring(option[15].hex, 5, -3) == 'iPX'                       | true",
        "substring(option[15].hex, 6, -4) == ''                          | true",
        "substring('foobar', 4, -2) == 'ob'                              | true",
        "substring(option[15].hex, 2, 3) == 'iPX'                        | true",
        "substring(option[15].hex, 0, 2) == 0x0004                       | true",
        "option[15].hex == 0x000469505845                                | true",
        "option[15].text == 0x0004 or option[15].hex == 0x000469505845   | true",
        "substring(option[16].hex, 4, 11) == 0x0020505845436c69656e74    | true",
        "vendor-class[343].exists                                        | true",
        "vendor-class[4491].exists                                       | false",
        "vendor-class[*].exists                                          | true",
        "pkt6.msgtype == 11                                              | true",
        "pkt6.msgtype == 1                                               | false",
        "pkt6.transid == 0xc126d6                                        | true",
        "not option[61].hex == 0x0007                                    | false",
        "not not option[61].exists                                       | true",
        "option[61].exists and not option[15].exists                     | false",
        "option[14].exists or option[15].exists and option[61].exists    | true",
        "(option[14].exists or option[15].exists) and option[99].exists  | false",
        "option[99].hex == ''                                            | true",
        "relay6[0].linkaddr == 0x00                                      | false",
        "relay6[0].option[18].exists                                     | false",
        "'abc' == 'abc'                                                  | true",
        "substring('foobar', 3, 3) == 'bar'                              | true",
        "option[61].hex != 0x0007                                        | false",
        "true and not false                                              | true",
    })
    void evaluatesOnTheCapturedIpxeInformationRequest(String expression, boolean expected) {
        assertEquals(expected, eval(expression, ipxeInfoRequest()), expression);
    }

    @Test
    void relayExpressionsReadTheRelayHeaderAndOptionsWhileOptionReadsTheClient() {
        CapturedVectors.Message relayed = relayedSolicit();
        // link-address fe80::ff:fe00:2 in the captured Relay-forw
        assertTrue(eval("relay6[0].linkaddr == 0xfe80000000000000000000fffe000002", relayed));
        assertTrue(eval("relay6[0].peeraddr == relay6[0].linkaddr", relayed));
        assertTrue(eval("relay6[-1].linkaddr == relay6[0].linkaddr", relayed), "one relay: -1 is 0");
        assertFalse(eval("relay6[1].linkaddr == relay6[0].linkaddr", relayed), "no second relay");
        assertTrue(eval("pkt6.msgtype == 1", relayed), "pkt6.msgtype is the client's, not the relay's");
        assertTrue(eval("option[1].exists and option[3].exists", relayed), "options of the relayed client message");
        assertFalse(eval("relay6[0].option[1].exists", relayed), "the relay itself carries only a Relay Message");
        assertTrue(eval("relay6[0].option[9].exists", relayed));
    }

    @Test
    void memberReadsTheClassesAlreadyKnown() {
        Dhcp6Predicate p = ClassExpression.compile("member('IPXE') and not member('X')", Map.of("IPXE", 0, "X", 7));
        Dhcp6MessageView v = wrap(ipxeInfoRequest());
        assertTrue(p.test(v, 1L));
        assertFalse(p.test(v, 1L | (1L << 7)));
        assertFalse(p.test(v, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "option[61].hex = 0x0007                  | 16 | compare with '=='",
        "option[61.hex == 0x0007                  | 10 | expected ']'",
        "option[61].hexx == 0x0007                | 12 | not 'hexx'",
        "option[70000].hex == 0x00                | 8  | option code",
        "substring(option[15].hex, 2) == 'iPXE'   | 28 | expected ','",
        "option[61].hex == 7                      | 19 | write it in hex",
        "option[61].hex == 0x0007 and             | 29 | ends too early",
        "option[61].hex                           | 1  | expected a condition",
        "member('NOPE')                           | 8  | no class named 'NOPE'",
        "option[61].hex == 'x                     | 19 | string not closed",
        "pkt6.msgtype == option[61].hex           | 17 | pkt6 numbers compare with integers",
        "option[61].exists option[15].exists      | 19 | unexpected 'option'",
        "frobnicate == 1                          | 1  | unknown word 'frobnicate'",
    })
    void syntaxErrorsNameTheColumn(String expression, int column, String fragment) {
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class,
                () -> ClassExpression.compile(expression));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains("^"), "points at the column");
    }

    @Test
    void evaluationAllocatesNothing() {
        Dhcp6Predicate p = ClassExpression.compile("(substring(option[15].hex, 2, 4) == 'iPXE' or option[61].hex"
                + " == 0x0010) and vendor-class[343].exists and not relay6[0].option[18].exists"
                + " and pkt6.msgtype == 11 and substring(option[16].hex, -6, all) != relay6[-1].linkaddr");
        // Paranoid leak detection records every access to a pooled buffer, so measure on an untracked one.
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(io.netty.buffer.Unpooled.wrappedBuffer(ipxeInfoRequest().bytes())));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        boolean result = false;
        for (int i = 0; i < 20_000; i++) {
            result ^= p.test(v, 0);                       // warm up: let the JIT compile it
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            result ^= p.test(v, 0);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(p.test(v, 0));
        // the measuring itself costs about a kilobyte; one byte per evaluation would be 100,000
        assertTrue(allocated < 4_096, allocated + " bytes allocated by 100,000 evaluations " + result);
    }
}
