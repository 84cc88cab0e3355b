package dev.ipv6boot.preseed.ipxe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeSettingTest {
    @Test
    void writesExpansionsIpxeAccepts() {
        assertEquals("${netX/mac:hexhyp}", IpxeSetting.BOOT_MAC_HEXHYP.expansion());
        assertEquals("${net0/mac}", IpxeSetting.mac("net0", "").expansion());
        assertEquals("${uuid}", IpxeSetting.UUID.expansion());
        IpxeScript script = IpxeScript.builder()
                .statement(IpxeLine.Statement.of(new IpxeCommand.IsSet(IpxeSetting.HOSTNAME.expansion()))
                        .or(new IpxeCommand.Set(IpxeSetting.HOSTNAME.reference(), "unnamed")))
                .statement(IpxeLine.Statement.of(new IpxeCommand.IsEq(IpxeSetting.PLATFORM.expansion(), "efi"))
                        .and(new IpxeCommand.Goto("efi")).orContinue())
                .echo("BIOS boot of " + IpxeSetting.UUID)
                .label("efi")
                .chain("/boot/" + IpxeSetting.BOOT_MAC_HEXHYP + ".ipxe")
                .build();
        assertTrue(script.validate("s").isClean());
        assertEquals(List.of("isset ${hostname} || set hostname unnamed"), List.of(script.lines().get(0).render()));
    }

    @Test
    void refusesUnknownTypesAndBadNames() {
        assertThrows(InvalidInputException.class, () -> IpxeSetting.mac("net0", "hexdash"));
        assertThrows(InvalidInputException.class, () -> new IpxeSetting("", "a b", ""));
        assertThrows(InvalidInputException.class, () -> new IpxeSetting("net/0", "mac", ""));
    }
}
