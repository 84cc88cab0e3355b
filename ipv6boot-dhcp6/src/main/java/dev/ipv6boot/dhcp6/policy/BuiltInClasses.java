package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.ArchitectureTypes;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import java.util.List;

/**
 * The classes every network-boot operator needs, defined from what real clients send (see the captures in
 * {@code vectors/}): iPXE and EDK2 both send arch 7 and vendor class "PXEClient", so only the user class
 * tells them apart; UEFI HTTP Boot sends an HTTP architecture type (IANA Processor Architecture Types) and
 * vendor class "HTTPClient".
 */
public final class BuiltInClasses {

    /** User Class (15) item "iPXE" (RFC 9915 §21.15): iPXE, whichever firmware loaded it. */
    public static final String IPXE = "IPXE";
    /**
     * x86-64 UEFI: architecture 0x0007 (what EDK2 and iPXE send; IANA and RFC 4578 erratum 4624), 0x0010 (HTTP), or
     * 0x0009, which RFC 4578 as published calls "EFI x86-64" (it swapped 7 and 9) and which firmware written to the
     * RFC's table may therefore send; nothing sends real EFI Byte Code in a boot request.
     */
    public static final String UEFI_X64 = "UEFI_X64";
    /** 64-bit ARM UEFI: architecture 0x000b or 0x0013 (HTTP). */
    public static final String UEFI_ARM64 = "UEFI_ARM64";
    /** UEFI HTTP Boot: any HTTP architecture type (0x000f, 0x0010, 0x0013...) or vendor class "HTTPClient". */
    public static final String UEFI_HTTP = "UEFI_HTTP";
    /** EDK2's own PXE: vendor class "PXEClient", an architecture type, not iPXE and not HTTP Boot. */
    public static final String EDK2_PXE = "EDK2_PXE";
    /** Messages in this class are dropped unanswered; it matches nothing until configured with an expression. */
    public static final String DROP = "DROP";

    /** The names in evaluation order; their indexes are their positions. */
    public static final List<String> NAMES = List.of(IPXE, UEFI_X64, UEFI_ARM64, UEFI_HTTP, EDK2_PXE, DROP);

    static final int IPXE_INDEX = 0;
    static final int UEFI_X64_INDEX = 1;
    static final int UEFI_ARM64_INDEX = 2;
    static final int UEFI_HTTP_INDEX = 3;
    static final int EDK2_PXE_INDEX = 4;
    static final int DROP_INDEX = 5;

    private BuiltInClasses() {
    }

    /** The built-in classes, DROP matching nothing. */
    static List<ClientClass> defaults() {
        return List.of(
                new ClientClass(IPXE, IPXE_INDEX, "user class item 'iPXE'",
                        (m, c) -> m.innermost().hasUserClass("iPXE"), true),
                new ClientClass(UEFI_X64, UEFI_X64_INDEX, "arch 0x0007, 0x0009 or 0x0010",
                        (m, c) -> anyArch(m.innermost(), ArchitectureTypes.EFI_X86_64, ArchitectureTypes.EFI_BC,
                                ArchitectureTypes.X64_UEFI_HTTP), true),
                new ClientClass(UEFI_ARM64, UEFI_ARM64_INDEX, "arch 0x000b or 0x0013",
                        (m, c) -> anyArch(m.innermost(), ArchitectureTypes.ARM64_UEFI,
                                ArchitectureTypes.ARM64_UEFI_HTTP), true),
                new ClientClass(UEFI_HTTP, UEFI_HTTP_INDEX, "an HTTP Boot arch type or vendor class 'HTTPClient'",
                        (m, c) -> isHttpBoot(m.innermost()), true),
                new ClientClass(EDK2_PXE, EDK2_PXE_INDEX, "vendor class 'PXEClient' with an arch type, not iPXE, not HTTP",
                        (m, c) -> (c & (1L << IPXE_INDEX)) == 0 && (c & (1L << UEFI_HTTP_INDEX)) == 0
                                && m.innermost().hasOption(OptionCodes.CLIENT_ARCH_TYPE)
                                && vendorClassStartsWith(m.innermost(), "PXEClient"), true),
                new ClientClass(DROP, DROP_INDEX, "false", Dhcp6Predicate.NEVER, true));
    }

    private static boolean anyArch(Dhcp6MessageView m, int a, int b, int c) {
        return m.hasArchType(a) || m.hasArchType(b) || m.hasArchType(c);
    }

    private static boolean anyArch(Dhcp6MessageView m, int a, int b) {
        return m.hasArchType(a) || m.hasArchType(b);
    }

    private static boolean isHttpBoot(Dhcp6MessageView m) {
        int n = m.archTypeCount();
        for (int i = 0; i < n; i++) {
            if (ArchitectureTypes.isUefiHttp(m.archType(i))) {
                return true;
            }
        }
        return vendorClassStartsWith(m, "HTTPClient");
    }

    private static boolean vendorClassStartsWith(Dhcp6MessageView m, String prefix) {
        for (int i = m.indexOf(OptionCodes.VENDOR_CLASS); i >= 0; i = m.nextIndexOf(OptionCodes.VENDOR_CLASS, i + 1)) {
            if (VendorClass.enterpriseNumber(m.buffer(), m.optionOffset(i)) == VendorClass.ENTERPRISE_INTEL
                    && VendorClass.anyItemStartsWith(m.buffer(), m.optionOffset(i), m.optionLength(i), prefix)) {
                return true;
            }
        }
        return false;
    }
}
