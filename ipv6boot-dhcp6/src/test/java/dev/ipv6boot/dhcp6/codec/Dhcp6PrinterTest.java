package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.codec.TestBuffers.Kind;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/** The printer's exact output for real messages, as the {@code decode} command shows them. */
class Dhcp6PrinterTest {

    private final Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);

    private String print(CapturedMessage message) {
        ByteBuf buf = TestBuffers.guarded(Kind.DIRECT, message.bytes());
        try {
            assertTrue(view.wrap(buf));
            StringBuilder appendable = new StringBuilder();
            Dhcp6Printer.print(view, (Appendable) appendable);
            String printed = Dhcp6Printer.toString(view);
            assertEquals(printed, appendable.toString());
            return printed;
        } finally {
            buf.release();
        }
    }

    @Test
    void printsTheUefiHttpBootSolicitOptionByOption() {
        CapturedMessage solicit = CapturedMessage.in("ipxe-ovmfnet-boot.pcap").stream()
                .filter(m -> m.frame() == 19).findFirst().orElseThrow();
        assertEquals("""
                Solicit (1), transaction-id 0xebe6ec, 112 octets
                    Client Identifier (1): DUID-LLT hardware-type 1 (Ethernet) time 836785258 link-layer 52:54:00:12:34:56
                    Elapsed Time (8): 0.00 s
                    Identity Association for Non-temporary Addresses (3): IAID 0x16159c04, T1 infinity, T2 infinity
                    Option Request (6): Boot File URL (59), Boot File Parameters (60), DNS Recursive Name Server (23), Vendor Class (16)
                    Client Network Interface Identifier (62): UNDI 3.0
                    Client System Architecture Type (61): x64 UEFI HTTP (0x0010)
                    Vendor Class (16): enterprise 343, "HTTPClient:Arch:00016:UNDI:003000"
                """, print(solicit));
    }

    @Test
    void printsARelayReplyWithItsRelayedAdvertiseNested() {
        CapturedMessage reply = CapturedMessage.in("dhcp6-kea-perfdhcp-relay.pcap").get(1);
        assertEquals("""
                Relay-repl (13), hop-count 0, link-address fe80::ff:fe00:2, peer-address fe80::ff:fe00:2, 138 octets
                    Relay Message (9), 100 octets
                        Advertise (2), transaction-id 0x000000, 100 octets
                            Client Identifier (1): DUID-LLT hardware-type 1 (Ethernet) time 848967274 link-layer 00:0c:01:02:03:04
                            Server Identifier (2): DUID-LL hardware-type 1 (Ethernet) link-layer 02:00:00:00:00:01
                            Identity Association for Non-temporary Addresses (3): IAID 0x00000001, T1 900 s, T2 1440 s
                                IA Address (5): 2001:db8::1:6, preferred 1800 s, valid 3600 s
                            DNS Recursive Name Server (23): 2001:db8::1
                """, print(reply));
    }

    @Test
    void escapesNonPrintableOctetsInText() {
        ByteBuf buf = TestBuffers.guarded(Kind.HEAP, Wire.bytes(Wire.message(7,
                Wire.option(59, "687474703a2f2f0a1b5b326a5c"))));
        try {
            assertTrue(view.wrap(buf));
            assertEquals("Reply (7), transaction-id 0xc126d6, 21 octets\n"
                    + "    Boot File URL (59): \"http://\\x0a\\x1b[2j\\x5c\"\n", Dhcp6Printer.toString(view));
        } finally {
            buf.release();
        }
    }

    @Test
    void refusesAnInvalidView() {
        ByteBuf buf = TestBuffers.guarded(Kind.HEAP, Wire.bytes("01"));
        try {
            view.wrap(buf);
            assertThrows(IllegalArgumentException.class, () -> Dhcp6Printer.toString(view));
            assertEquals("Dhcp6MessageView(invalid: TRUNCATED_HEADER at 0)", view.toString());
        } finally {
            buf.release();
        }
    }
}
