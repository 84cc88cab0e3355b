package dev.ipv6boot.dhcp6.codec.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6OptionCursor;
import dev.ipv6boot.dhcp6.codec.Dhcp6Printer;
import dev.ipv6boot.dhcp6.codec.Dhcp6Reencoder;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven round trips, one row per option: the writer produces exactly the expected wire bytes (written
 * out by hand from the RFC layout), the view accepts them, the typed readers give back the values written, the
 * printer shows them, and the re-encoder reproduces the bytes.
 */
class OptionRoundTripTest {

    private static final long ADDRESS_HIGH = 0x20010db800000000L;   // 2001:db8::
    private static final long ADDRESS_LOW = 0x0000000000000101L;    // ...::101
    private static final long MAC = 0x525400123456L;

    record Row(String name, Consumer<Dhcp6Writer> write, String expectedHex, String printed,
               Consumer<Dhcp6MessageView> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
            new Row("1 client-id DUID-LLT", w -> w.beginOption(1).duidLlt(1, 0x31e0546aL, MAC).endOption(),
                "0001000e 0001 0001 31e0546a 525400123456",
                "Client Identifier (1): DUID-LLT hardware-type 1 (Ethernet) time 836785258 link-layer 52:54:00:12:34:56",
                v -> {
                    int at = v.optionOffset(v.clientIdIndex());
                    assertEquals(Duid.LLT, Duid.type(v.buffer(), at));
                    assertEquals(1, Duid.hardwareType(v.buffer(), at));
                    assertEquals(0x31e0546aL, Duid.time(v.buffer(), at));
                    assertEquals(MAC, v.clientDuidEthernetAddress());
                }),
            new Row("1 client-id DUID-UUID", w -> w.beginOption(1).duidUuid(0x0011223344556677L, 0x8899aabbccddeeffL).endOption(),
                "00010012 0004 00112233445566778899aabbccddeeff",
                "Client Identifier (1): DUID-UUID 00112233-4455-6677-8899-aabbccddeeff",
                v -> assertEquals(Duid.UUID, v.clientDuidType())),
            new Row("1 client-id DUID-EN", w -> w.beginOption(1).duidEn(343, new byte[] {1, 2, 3}).endOption(),
                "00010009 0002 00000157 010203",
                "Client Identifier (1): DUID-EN enterprise 343 identifier 010203",
                v -> assertEquals(343, Duid.enterpriseNumber(v.buffer(), v.optionOffset(0)))),
            new Row("2 server-id DUID-LL", w -> w.serverIdLl(0x020000000001L),
                "0002000a 0003 0001 020000000001",
                "Server Identifier (2): DUID-LL hardware-type 1 (Ethernet) link-layer 02:00:00:00:00:01",
                v -> assertEquals(0x020000000001L, Duid.ethernetAddress(v.buffer(), v.optionOffset(v.serverIdIndex()), v.optionLength(0)))),
            new Row("3 IA_NA + 5 IAADDR + 13 status", w -> w.iaNa(0xfab37777L, 900, 1440)
                    .beginIaAddress(ADDRESS_HIGH, ADDRESS_LOW, 1800, 3600).statusCode(0, "ok").endOption().endOption(),
                "0003 0030 fab37777 00000384 000005a0 0005 0020 20010db8000000000000000000000101 00000708 00000e10 000d 0004 0000 6f6b",
                "Identity Association for Non-temporary Addresses (3): IAID 0xfab37777, T1 900 s, T2 1440 s\n"
                    + "        IA Address (5): 2001:db8::101, preferred 1800 s, valid 3600 s\n"
                    + "            Status Code (13): Success (0) \"ok\"",
                v -> {
                    int ia = v.indexOf(OptionCodes.IA_NA);
                    assertEquals(0xfab37777L, IaNa.iaid(v.buffer(), v.optionOffset(ia)));
                    assertEquals(900, IaNa.t1(v.buffer(), v.optionOffset(ia)));
                    assertEquals(1440, IaNa.t2(v.buffer(), v.optionOffset(ia)));
                    Dhcp6OptionCursor sub = v.suboptions(ia, new Dhcp6OptionCursor());
                    assertTrue(sub.next());
                    assertEquals(OptionCodes.IA_ADDRESS, sub.code());
                    assertEquals(ADDRESS_HIGH, IaAddress.addressHigh(v.buffer(), sub.dataOffset()));
                    assertEquals(ADDRESS_LOW, IaAddress.addressLow(v.buffer(), sub.dataOffset()));
                    assertEquals(1800, IaAddress.preferredLifetime(v.buffer(), sub.dataOffset()));
                    assertEquals(3600, IaAddress.validLifetime(v.buffer(), sub.dataOffset()));
                    assertFalse(sub.next());
                }),
            new Row("4 IA_TA (parse only)", w -> w.iaTa(7).endOption(),
                "0004 0004 00000007",
                "Identity Association for Temporary Addresses (4): IAID 0x00000007",
                v -> assertEquals(7, IaTa.iaid(v.buffer(), v.optionOffset(0)))),
            new Row("6 ORO", w -> w.optionRequest(new int[] {59, 60, 23, 16}),
                "0006 0008 003b 003c 0017 0010",
                "Option Request (6): Boot File URL (59), Boot File Parameters (60), DNS Recursive Name Server (23), Vendor Class (16)",
                v -> {
                    assertTrue(v.requestsOption(60));
                    assertFalse(v.requestsOption(61));
                    assertEquals(4, OptionRequest.count(v.optionLength(0)));
                    assertEquals(23, OptionRequest.code(v.buffer(), v.optionOffset(0), 2));
                }),
            new Row("7 preference", w -> w.preference(255), "0007 0001 ff", "Preference (7): 255",
                v -> assertEquals(255, v.preference())),
            new Row("8 elapsed time", w -> w.elapsedTime(1234), "0008 0002 04d2", "Elapsed Time (8): 12.34 s",
                v -> assertEquals(1234, v.elapsedTime())),
            new Row("11 auth (opaque information)", w -> w.beginOption(11).uint8(3).uint8(1).uint8(0)
                    .bytes(HexFormat.of().parseHex("0000000000000001")).bytes(new byte[] {(byte) 0xab}).endOption(),
                "000b 000c 03 01 00 0000000000000001 ab",
                "Authentication (11): protocol 3, algorithm 1, RDM 0, replay detection 0x0000000000000001, information ab",
                v -> assertEquals(1L, Authentication.replayDetection(v.buffer(), v.optionOffset(0)))),
            new Row("12 unicast (parse only)", w -> w.addressOption(12, ADDRESS_HIGH, 1),
                "000c 0010 20010db8000000000000000000000001", "Server Unicast (12): 2001:db8::1",
                v -> assertEquals(1, Unicast.addressLow(v.buffer(), v.optionOffset(0)))),
            new Row("13 status code", w -> w.statusCode(2, "no addresses"),
                "000d 000e 0002 6e6f20616464726573736573",
                "Status Code (13): NoAddrsAvail (2) \"no addresses\"",
                v -> assertEquals(2, StatusCode.code(v.buffer(), v.optionOffset(0)))),
            new Row("14 rapid commit", Dhcp6Writer::rapidCommit, "000e 0000", "Rapid Commit (14): (empty)",
                v -> assertTrue(v.hasRapidCommit())),
            new Row("15 user class", w -> w.userClass("iPXE"), "000f 0006 0004 69505845", "User Class (15): \"iPXE\"",
                v -> {
                    assertTrue(v.hasUserClass("iPXE"));
                    assertFalse(v.hasUserClass("ipxe"));
                    assertEquals(1, UserClass.itemCount(v.buffer(), v.optionOffset(0), v.optionLength(0)));
                }),
            new Row("16 vendor class", w -> w.vendorClass(343, "HTTPClient"),
                "0010 0010 00000157 000a 48545450436c69656e74",
                "Vendor Class (16): enterprise 343, \"HTTPClient\"",
                v -> {
                    assertEquals(343, v.vendorClassEnterprise());
                    assertTrue(v.vendorClassStartsWith("HTTP"));
                }),
            new Row("17 vendor options", w -> w.beginVendorOptions(4491).option(32, new byte[] {1, 2}).endOption(),
                "0011 000a 0000118b 0020 0002 0102",
                "Vendor-specific Information (17): enterprise 4491\n        Sub-option (32): 0102",
                v -> assertEquals(4491, VendorOptions.enterpriseNumber(v.buffer(), v.optionOffset(0)))),
            new Row("18 interface-id", w -> w.option(18, "eth0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "0012 0004 65746830", "Interface-Id (18): \"eth0\" 65746830",
                v -> assertTrue(RelayAgentIds.equals(v.buffer(), v.optionOffset(0), 4, new byte[] {'e', 't', 'h', '0'}))),
            new Row("19 reconfigure message", w -> w.reconfigureMessage(5), "0013 0001 05",
                "Reconfigure Message (19): 5 (Renew)",
                v -> assertEquals(5, Reconfigure.messageType(v.buffer(), v.optionOffset(0)))),
            new Row("20 reconfigure accept", Dhcp6Writer::reconfigureAccept, "0014 0000", "Reconfigure Accept (20): (empty)",
                v -> assertEquals(0, v.optionLength(0))),
            new Row("23 DNS servers", w -> w.dnsServers(ADDRESS_HIGH, 1),
                "0017 0010 20010db8000000000000000000000001", "DNS Recursive Name Server (23): 2001:db8::1",
                v -> assertEquals(1, DnsServers.count(v.optionLength(0)))),
            new Row("24 domain list", w -> w.beginOption(24).domainName("boot.example.").domainName("example.").endOption(),
                "0018 0017 04626f6f74076578616d706c6500 076578616d706c6500",
                "Domain Search List (24): boot.example., example.",
                v -> assertEquals(14, DomainList.nameEnd(v.buffer(), v.optionOffset(0), v.optionOffset(0) + 23) - v.optionOffset(0))),
            new Row("25 IA_PD + 26 IAPREFIX", w -> w.iaPd(2, 900, 1440).iaPrefix(1800, 3600, 56, ADDRESS_HIGH | 0x100, 0).endOption(),
                "0019 0029 00000002 00000384 000005a0 001a 0019 00000708 00000e10 38 20010db8000001000000000000000000",
                "Identity Association for Prefix Delegation (25): IAID 0x00000002, T1 900 s, T2 1440 s\n"
                    + "        IA Prefix (26): 2001:db8:0:100::/56, preferred 1800 s, valid 3600 s",
                v -> {
                    Dhcp6OptionCursor sub = v.suboptions(0, new Dhcp6OptionCursor());
                    assertTrue(sub.next());
                    assertEquals(56, IaPrefix.prefixLength(v.buffer(), sub.dataOffset()));
                    assertEquals(ADDRESS_HIGH | 0x100, IaPrefix.prefixHigh(v.buffer(), sub.dataOffset()));
                    assertEquals(2, IaPd.iaid(v.buffer(), v.optionOffset(0)));
                }),
            new Row("32 information refresh time", w -> w.informationRefreshTime(86400), "0020 0004 00015180",
                "Information Refresh Time (32): 86400 s",
                v -> assertEquals(86400, InformationRefreshTime.seconds(v.buffer(), v.optionOffset(0)))),
            new Row("37 remote-id", w -> w.remoteId(9, new byte[] {0x0a, 0x0b}), "0025 0006 00000009 0a0b",
                "Relay Agent Remote-ID (37): enterprise 9, 0a0b",
                v -> assertEquals(9, RemoteId.enterpriseNumber(v.buffer(), v.optionOffset(0)))),
            new Row("38 subscriber-id", w -> w.subscriberId(new byte[] {1, 2, 3}), "0026 0003 010203",
                "Relay Agent Subscriber-ID (38): 010203", v -> assertEquals(3, v.optionLength(0))),
            new Row("39 FQDN partial", w -> w.fqdn(Fqdn.FLAG_S, "node7"), "0027 0007 01 056e6f646537",
                "Client FQDN (39): flags 0x01 (N=0 O=0 S=1), name node7",
                v -> assertEquals(Fqdn.FLAG_S, Fqdn.flags(v.buffer(), v.optionOffset(0)))),
            new Row("39 FQDN fully qualified", w -> w.fqdn(0, "node7.example."), "0027 0010 00 056e6f646537076578616d706c6500",
                "Client FQDN (39): flags 0x00 (N=0 O=0 S=0), name node7.example.",
                v -> assertEquals(0, Fqdn.flags(v.buffer(), v.optionOffset(0)))),
            new Row("59 boot file URL", w -> w.bootFileUrl("tftp://[2001:db8::1]/ipxe.efi"),
                "003b 001d 746674703a2f2f5b323030313a6462383a3a315d2f697078652e656669",
                "Boot File URL (59): \"tftp://[2001:db8::1]/ipxe.efi\"",
                v -> assertTrue(BootFileUrl.hasScheme(v.buffer(), v.optionOffset(0), v.optionLength(0), BootFileUrl.TFTP_SCHEME))),
            new Row("60 boot file parameters", w -> w.beginBootFileParameters().item("quiet").item("").endOption(),
                "003c 0009 0005 7175696574 0000", "Boot File Parameters (60): \"quiet\", \"\"",
                v -> assertEquals(2, BootFileParameters.count(v.buffer(), v.optionOffset(0), v.optionLength(0)))),
            new Row("61 client arch type", w -> w.beginOption(61).uint16(0x0010).uint16(0x0007).endOption(),
                "003d 0004 0010 0007", "Client System Architecture Type (61): x64 UEFI HTTP (0x0010), EFI x86-64 (0x0007)",
                v -> {
                    assertEquals(2, v.archTypeCount());
                    assertEquals(0x0010, v.archType(0));
                    assertEquals(0x0007, v.archType(1));
                    assertTrue(v.hasArchType(7));
                }),
            new Row("62 NII", w -> w.nii(1, 3, 16), "003e 0003 01 03 10", "Client Network Interface Identifier (62): UNDI 3.16",
                v -> {
                    assertEquals(1, NetworkInterfaceId.type(v.buffer(), v.optionOffset(0)));
                    assertEquals(16, NetworkInterfaceId.minor(v.buffer(), v.optionOffset(0)));
                }),
            new Row("79 client link-layer address", w -> w.clientLinkLayerAddress(1, MAC), "004f 0008 0001 525400123456",
                "Client Link-Layer Address (79): link-layer hardware-type 1 (Ethernet) 52:54:00:12:34:56",
                v -> {
                    assertEquals(MAC, v.clientLinkLayerAddress());
                    assertEquals(1, v.clientLinkLayerType());
                }),
            new Row("82 SOL_MAX_RT", w -> w.solMaxRt(3600), "0052 0004 00000e10", "SOL_MAX_RT (82): 3600 s",
                v -> assertEquals(3600, MaxRetransmissionTime.seconds(v.buffer(), v.optionOffset(0)))),
            new Row("83 INF_MAX_RT", w -> w.infMaxRt(60), "0053 0004 0000003c", "INF_MAX_RT (83): 60 s",
                v -> assertEquals(60, MaxRetransmissionTime.seconds(v.buffer(), v.optionOffset(0)))),
            new Row("103 captive portal", w -> w.captivePortal(CaptivePortal.UNRESTRICTED),
                "0067 0024 " + HexFormat.of().formatHex(CaptivePortal.UNRESTRICTED.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "Captive-Portal (103): \"urn:ietf:params:capport:unrestricted\"",
                v -> assertTrue(Ascii.equals(v.buffer(), v.optionOffset(0), v.optionLength(0), CaptivePortal.UNRESTRICTED))),
            new Row("65000 unknown option passes through", w -> w.option(65000, new byte[] {(byte) 0xde, (byte) 0xad}),
                "fde8 0002 dead", "Unknown option (65000): dead",
                v -> assertEquals(65000, v.optionCode(0)))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void writesReadsPrintsAndReencodes(Row row) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        ByteBuf again = PooledByteBufAllocator.DEFAULT.heapBuffer(256);
        try {
            Dhcp6Writer writer = new Dhcp6Writer().begin(out).header(7, 0x123456);
            row.write().accept(writer);
            assertTrue(writer.finish(), () -> writer.error().toString());
            String expected = "07123456" + row.expectedHex().replace(" ", "");
            assertEquals(expected, ByteBufUtil.hexDump(out), "wire bytes");

            Dhcp6MessageView view = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
            assertTrue(view.wrap(out), () -> view.error() + " at " + view.errorOffset());
            assertEquals(1, view.optionCount());
            row.check().accept(view);

            String printed = Dhcp6Printer.toString(view);
            assertEquals("Reply (7), transaction-id 0x123456, " + out.readableBytes() + " octets\n    "
                    + row.printed() + "\n", printed);

            Dhcp6Reencoder.write(view, writer.begin(again));
            assertTrue(writer.finish());
            assertEquals(expected, ByteBufUtil.hexDump(again), "re-encoded");
        } finally {
            out.release();
            again.release();
        }
    }
}
