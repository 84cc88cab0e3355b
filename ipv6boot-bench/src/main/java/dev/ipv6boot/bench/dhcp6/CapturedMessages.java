package dev.ipv6boot.bench.dhcp6;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.HexFormat;

/**
 * The DHCPv6 messages the benchmarks parse, taken byte for byte from the captures in
 * {@code ipv6boot-dhcp6/src/test/resources/vectors/} (real clients, see the README there).
 */
final class CapturedMessages {
    private CapturedMessages() {
    }

    /** EDK2 (OVMF 2022.11) UEFI PXEv6 Solicit: DUID-LLT, IA_NA, ORO 59/60/23/16, NII, arch 7, vendor class PXEClient. ipxe-ovmfnet-boot.pcap #10. */
    static final byte[] UEFI_PXE_SOLICIT = hex("01e8e6ec0001000e0001000131e0546a5254001234560008000200000003000cfab37777ffffffffffffffff00060008003b003c00170010003e0003010300003d0002000700100026000001570020505845436c69656e743a417263683a30303030373a554e44493a303033303030");

    /** iPXE ipxe.efi Solicit: all-zero DUID-UUID, arch 7, vendor class PXEClient, user class iPXE. ipxe-efi-managed-boot.pcap #5. */
    static final byte[] IPXE_SOLICIT = hex("01c126d6000100120004000000000000000000000000000000000003000caa55b0df00000000000000000006000800170018003b003c00100026000001570020505845436c69656e743a417263683a30303030373a554e44493a303033303130003d00020007003e000301030a000f0006000469505845000800020000");

    /** dhclient 4.4.3 Request with IA_NA/IAADDR and arch 7. dhcp6-kea-dhclient-efi-sarr.pcap #3. */
    static final byte[] DHCLIENT_REQUEST = hex("03b1eda90001000e00010001329a36560200000000020002000a00030001020000000001000600040017003b000800020000003d00020007000300280000000200000e10000015180005001820010db800000000000000000001000000001c2000001d4c");

    /** Kea's Advertise to the EFI dhclient: Server-ID, Client-ID, IA_NA with IAADDR, DNS, boot URL. dhcp6-kea-dhclient-efi-sarr.pcap #2. */
    static final byte[] KEA_ADVERTISE = hex("02f0896e0001000e00010001329a36560200000000020002000a00030001020000000001000300280000000200000384000005a00005001820010db80000000000000000000100000000070800000e100017001020010db8000000000000000000000001003b001d687474703a2f2f5b323030313a6462383a3a315d2f697078652e656669");

    /**
     * A Relay-Forward two relays deep: perfdhcp -A 1's Relay-Forward (dhcp6-kea-perfdhcp-relay.pcap #3, a relayed
     * Request) wrapped, as a second relay would, in a Relay-Forward with hop count 1, link-address 2001:db8:1::1,
     * peer-address fe80::1 and Interface-ID "eth1/1".
     */
    static final byte[] RELAY_FORWARD_TWO_HOPS = hex("0c0120010db8000100000000000000000001fe80000000000000000000000000000100120006657468312f310009007c0c00fe80000000000000000000fffe000002fe80000000000000000000fffe00000200090056030000010001000e00010001329a366a000c010203040002000a00030001020000000001000300280000000100000384000005a00005001820010db80000000000000000000100060000070800000e10000800020000");

    /** {@code bytes} in a pooled direct buffer, as a Netty datagram read delivers a message; the caller releases it. */
    static ByteBuf direct(byte[] bytes) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length, bytes.length);
        buf.writeBytes(bytes);
        return buf;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
