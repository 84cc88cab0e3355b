package dev.ipv6boot.dhcp6.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Dhcp6LimitsTest {

    @Test
    void defaultsComeFromTheRfcs() {
        assertEquals(65_527, Dhcp6Limits.DEFAULT.maxMessageSize());
        assertEquals(32, Dhcp6Limits.DEFAULT.maxRelayHops());
        assertEquals(130, Dhcp6Limits.DEFAULT.maxDuidLength());
        assertEquals(256, Dhcp6Limits.DEFAULT.maxOptions());
        assertEquals(4, Dhcp6Limits.DEFAULT.maxEncapsulationDepth());
    }

    @Test
    void refusesLimitsThatCouldNotBound() {
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(3, 256, 4, 32, 130));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(70_000, 256, 4, 32, 130));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(1500, 0, 4, 32, 130));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(1500, 256, 0, 32, 130));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(1500, 256, 4, -1, 130));
        assertThrows(IllegalArgumentException.class, () -> new Dhcp6Limits(1500, 256, 4, 32, 2));
    }

    @Test
    void aSmallerHopLimitIsEnforced() {
        Dhcp6MessageView view = new Dhcp6MessageView(new Dhcp6Limits(1500, 256, 4, 1, 130));
        String twoRelays = Wire.relayForward(0, Wire.relayForward(1, Wire.message(1)));
        Dhcp6MalformedCorpusTest.assertRejected(view, Wire.bytes(twoRelays), Dhcp6DecodeError.RELAY_TOO_DEEP, 38);
    }
}
