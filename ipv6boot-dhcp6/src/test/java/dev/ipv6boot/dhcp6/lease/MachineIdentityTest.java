package dev.ipv6boot.dhcp6.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6Limits;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Dhcp6Writer;
import dev.ipv6boot.dhcp6.policy.CapturedVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class MachineIdentityTest {

    private static long identityOf(byte[] message, long sourceHigh, long sourceLow) {
        Dhcp6MessageView v = new Dhcp6MessageView(Dhcp6Limits.DEFAULT);
        assertTrue(v.wrap(Unpooled.wrappedBuffer(message)));
        return MachineIdentity.of(v, sourceHigh, sourceLow, 42);
    }

    @Test
    void eui64LinkLocalCarriesTheMac() {
        assertEquals(0x525400123456L, MachineIdentity.macOfEui64(0xfe80_0000_0000_0000L, 0x5054_00ff_fe12_3456L));
        assertEquals(0x020000000002L, MachineIdentity.macOfEui64(0xfe80_0000_0000_0000L, 0x0000_00ff_fe00_0002L));
        assertEquals(-1, MachineIdentity.macOfEui64(0xfe80_0000_0000_0000L, 0x0000_0000_0000_0001L), "not EUI-64");
        assertEquals(-1, MachineIdentity.macOfEui64(0x2001_0db8_0000_0000L, 0x5054_00ff_fe12_3456L), "not link-local");
    }

    @Test
    void duidLltOfEdk2AndEui64SourceOfIpxeNameTheSameMachine() {
        long edk2 = identityOf(CapturedVectors.frame("ipxe-ovmfnet-boot.pcap", 10).bytes(), 0, 0);
        long ipxe = identityOf(CapturedVectors.frame("ipxe-efi-boot.pcap", 5).bytes(),
                0xfe80_0000_0000_0000L, 0x5054_00ff_fe12_3456L);
        assertEquals("mac 52:54:00:12:34:56", MachineIdentity.toString(edk2));
        assertEquals(edk2, ipxe);
    }

    @Test
    void relayClientLinkLayerAddressComesFirst() {
        ByteBuf client = Unpooled.buffer();
        new Dhcp6Writer().begin(client).header(1, 1).beginOption(OptionCodes.CLIENT_ID).duidLl(1, 0x0a0000000001L)
                .endOption().finish();
        ByteBuf relay = Unpooled.buffer();
        new Dhcp6Writer().begin(relay).relayHeader(12, 0, 0, 0, 0xfe80_0000_0000_0000L, 0x0000_00ff_fe00_0003L)
                .clientLinkLayerAddress(1, 0x0b0000000001L).relayMessage().bytes(client, 0, client.readableBytes())
                .endOption().finish();
        byte[] bytes = new byte[relay.readableBytes()];
        relay.readBytes(bytes);
        assertEquals("mac 0b:00:00:00:00:01", MachineIdentity.toString(identityOf(bytes, 0, 0)));
    }

    @Test
    void duidWithoutMacFallsBackToItsKeyedHash() {
        byte[] ipxe = CapturedVectors.frame("ipxe-efi-boot.pcap", 5).bytes();   // DUID-UUID, no MAC in it
        long a = identityOf(ipxe, 0x2001_0db8_0000_0000L, 5);                    // a global source: no EUI-64
        assertEquals(MachineIdentity.KIND_DUID, MachineIdentity.kind(a));
        assertEquals(a, identityOf(ipxe, 0x2001_0db8_0000_0000L, 6), "stable");
        assertEquals(-1, identityOf(new byte[] {11, 0, 0, 1}, 0, 0), "nothing to identify");
    }
}
