package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Dhcp6MessageTypeTest {

    @Test
    void everyRfc9915MessageTypeIsNamed() {
        String[] names = {"SOLICIT", "ADVERTISE", "REQUEST", "CONFIRM", "RENEW", "REBIND", "REPLY", "RELEASE",
            "DECLINE", "RECONFIGURE", "INFORMATION-REQUEST", "RELAY-FORW", "RELAY-REPL"};
        for (int i = 0; i < names.length; i++) {
            assertEquals(names[i], Dhcp6MessageType.valueOf(i + 1).name());
            assertTrue(Dhcp6MessageType.valueOf(i + 1).isAssigned());
        }
        assertEquals("ADDR-REG-REPLY", Dhcp6MessageType.valueOf(37).name());
    }

    @Test
    void valueOfNeverThrowsAndReturnsSharedInstances() {
        for (int i = -300; i < 600; i++) {
            Dhcp6MessageType type = Dhcp6MessageType.valueOf(i);
            assertSame(type, Dhcp6MessageType.valueOf(i));
            assertEquals(i & 0xff, type.value());
        }
        assertEquals("UNKNOWN(0)", Dhcp6MessageType.valueOf(0).name());
        assertEquals("UNKNOWN(255)", Dhcp6MessageType.valueOf(255).toString());
        assertFalse(Dhcp6MessageType.valueOf(38).isAssigned());
    }

    @Test
    void onlyRelayForwAndRelayReplUseTheRelayLayout() {
        for (int i = 0; i < 256; i++) {
            assertEquals(i == 12 || i == 13, Dhcp6MessageType.valueOf(i).isRelay(), "type " + i);
        }
    }
}
