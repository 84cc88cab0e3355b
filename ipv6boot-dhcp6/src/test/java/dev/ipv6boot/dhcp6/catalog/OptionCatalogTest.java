package dev.ipv6boot.dhcp6.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionCatalogTest {

    /** The options issue 2 asks to support typed. */
    private static final int[] REQUIRED = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 23, 24,
        25, 26, 32, 37, 38, 39, 59, 60, 61, 62, 79, 82, 83, 103};

    @Test
    void holdsEveryOptionANetbootDeploymentMeets() {
        for (int code : REQUIRED) {
            OptionDefinition row = OptionCatalog.byCode(code);
            assertNotNull(row, "option " + code);
            assertEquals(code, row.code());
            assertTrue(row.reference().startsWith("RFC "), row.toString());
        }
    }

    @Test
    void looksUpByCodeAndByName() {
        assertEquals(59, OptionCatalog.byName("bootfile-url").code());
        assertEquals(61, OptionCatalog.byName(" Client-Arch-Type ").code());
        assertEquals(OptionFormat.ARCH_TYPE_LIST, OptionCatalog.byName("61").format());
        assertNull(OptionCatalog.byName("no-such-option"));
        assertNull(OptionCatalog.byCode(10));
        assertNull(OptionCatalog.byCode(-1));
        assertNull(OptionCatalog.byCode(65535));
        assertEquals(OptionFormat.OPAQUE, OptionCatalog.formatOf(65535));
    }

    @Test
    void rowsAreUniqueAndInCodeOrder() {
        Set<String> names = new HashSet<>();
        int previous = 0;
        for (OptionDefinition row : OptionCatalog.all()) {
            assertTrue(row.code() > previous, "code order at " + row);
            assertTrue(names.add(row.name()), "duplicate name " + row.name());
            assertEquals(row, OptionCatalog.byName(row.name()));
            previous = row.code();
        }
    }

    @Test
    void namesArchitectureTypesAndStatusCodes() {
        assertEquals("EFI x86-64", ArchitectureTypes.nameOf(0x0007));
        assertEquals("x64 UEFI HTTP", ArchitectureTypes.nameOf(0x0010));
        assertEquals("ARM 64-bit UEFI HTTP", ArchitectureTypes.nameOf(0x0013));
        assertTrue(ArchitectureTypes.isUefiHttp(0x0010));
        assertTrue(!ArchitectureTypes.isUefiHttp(0x0007));
        assertNull(ArchitectureTypes.nameOf(0xffff));
        assertEquals("NoAddrsAvail", StatusCodes.nameOf(2));
        assertNull(StatusCodes.nameOf(-1));
    }
}
