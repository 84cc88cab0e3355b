package dev.ipv6boot.preseed.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class MacAddressTest {
    @Test
    void parsesTheFormsIpxeAndOperatorsWrite() {
        MacAddress mac = MacAddress.parse("52:54:00:AB:cd:0e");
        assertEquals(mac, MacAddress.parse("52-54-00-ab-cd-0e"));
        assertEquals(mac, MacAddress.parse("525400abcd0e"));
        assertEquals("52:54:00:ab:cd:0e", mac.toString());
        assertEquals("52-54-00-ab-cd-0e", mac.hexhyp());
        assertEquals("525400abcd0e", mac.hexraw());
        assertEquals((byte) 0xab, mac.bytes()[3]);
    }

    @Test
    void refusesEverythingElse() {
        for (String bad : new String[] {"", "52:54:00:ab:cd", "52:54-00:ab:cd:0e", "52:54:00:ab:cd:0g",
                "52:54:00:ab:cd:0e:01", "5254.00ab.cd0e"}) {
            assertTrue(MacAddress.tryParse(bad).isEmpty(), bad);
        }
        assertTrue(MacAddress.tryParse(null).isEmpty());
        assertThrows(InvalidInputException.class, () -> MacAddress.parse("nope"));
        assertThrows(InvalidInputException.class, () -> new MacAddress(1L << 48));
    }
}
