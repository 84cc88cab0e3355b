package dev.ipv6boot.dhcp6.catalog;

/**
 * Processor architecture types carried in Client Architecture Type (option 61, RFC 5970 §3.3), from the
 * IANA "Processor Architecture Types" registry (RFC 4578 §2.1 and later registrations).
 */
public final class ArchitectureTypes {
    public static final int X86_BIOS = 0x0000;
    public static final int EFI_IA32 = 0x0006;
    public static final int EFI_X86_64 = 0x0007;
    public static final int EFI_BC = 0x0009;
    public static final int ARM64_UEFI = 0x000b;
    public static final int X86_UEFI_HTTP = 0x000f;
    public static final int X64_UEFI_HTTP = 0x0010;
    public static final int ARM64_UEFI_HTTP = 0x0013;

    private static final String[] NAMES = {
        "x86 BIOS",               // 0x0000
        "NEC/PC98",               // 0x0001
        "Itanium",                // 0x0002
        "DEC Alpha",              // 0x0003
        "Arc x86",                // 0x0004
        "Intel Lean Client",      // 0x0005
        "EFI IA32",               // 0x0006
        "EFI x86-64",             // 0x0007
        "EFI Xscale",             // 0x0008
        "EFI BC",                 // 0x0009 (RFC 4578 swapped 7 and 9; erratum 4624 and IANA fix it)
        "ARM 32-bit UEFI",        // 0x000a
        "ARM 64-bit UEFI",        // 0x000b
        "PowerPC Open Firmware",  // 0x000c
        "PowerPC ePAPR",          // 0x000d
        "POWER OPAL v3",          // 0x000e
        "x86 UEFI HTTP",          // 0x000f
        "x64 UEFI HTTP",          // 0x0010
        "EBC UEFI HTTP",          // 0x0011
        "ARM 32-bit UEFI HTTP",   // 0x0012
        "ARM 64-bit UEFI HTTP",   // 0x0013
        "PC/AT BIOS HTTP",        // 0x0014
        "ARM 32-bit uboot",       // 0x0015
        "ARM 64-bit uboot",       // 0x0016
        "ARM uboot 32 HTTP",      // 0x0017
        "ARM uboot 64 HTTP",      // 0x0018
        "RISC-V 32-bit UEFI",     // 0x0019
        "RISC-V 32-bit UEFI HTTP", // 0x001a
        "RISC-V 64-bit UEFI",     // 0x001b
        "RISC-V 64-bit UEFI HTTP", // 0x001c
        "RISC-V 128-bit UEFI",    // 0x001d
        "RISC-V 128-bit UEFI HTTP", // 0x001e
        "s390 Basic",             // 0x001f
        "s390 Extended",          // 0x0020
        "MIPS 32-bit UEFI",       // 0x0021
        "MIPS 64-bit UEFI",       // 0x0022
        "Sunway 32-bit UEFI",     // 0x0023
        "Sunway 64-bit UEFI",     // 0x0024
        "LoongArch 32-bit UEFI",  // 0x0025
        "LoongArch 32-bit UEFI HTTP", // 0x0026
        "LoongArch 64-bit UEFI",  // 0x0027
        "LoongArch 64-bit UEFI HTTP", // 0x0028
        "ARM rpiboot",            // 0x0029
    };

    private ArchitectureTypes() {
    }

    /** The registry name of {@code type}, or {@code null} when unassigned. */
    public static String nameOf(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : null;
    }

    /** Whether {@code type} is one of the UEFI HTTP Boot types, to which "HTTPClient" must be echoed. */
    public static boolean isUefiHttp(int type) {
        return type == 0x000f || type == 0x0010 || type == 0x0011 || type == 0x0012 || type == 0x0013
                || type == 0x0014 || type == 0x0017 || type == 0x0018 || type == 0x001a || type == 0x001c
                || type == 0x001e || type == 0x0026 || type == 0x0028;
    }
}
