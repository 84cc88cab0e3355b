package dev.ipv6boot.examples.observe;

/**
 * How far a machine's boot has come, in the order a network install goes through (DESIGN.md "The job"). A
 * machine's stage only moves forward within one boot; firmware asking again after a loader was fetched starts a
 * new boot.
 */
public enum BootStage {
    /** Heard from (a Router Solicitation, a DNS query, a DHCPv6 message of an installed OS), no boot seen. */
    SEEN("seen", "DHCPv6 from its firmware"),
    /** Firmware (EDK2 PXE or HTTP Boot: a client architecture type, no iPXE user class) was answered. */
    FIRMWARE("firmware", "the iPXE loader"),
    /** The network boot program (ipxe.efi, snponly.efi, undionly.kpxe) was downloaded. */
    LOADER("loader fetched", "DHCPv6 from iPXE"),
    /** iPXE (user class "iPXE") was answered. */
    IPXE("iPXE", "its iPXE script"),
    /** The per-machine iPXE script was downloaded. */
    SCRIPT("script", "the kernel"),
    /** The installer kernel was downloaded. */
    KERNEL("kernel", "the initrd"),
    /** The installer initrd was downloaded. */
    INITRD("initrd", "its installer answers (preseed / user-data)"),
    /** The installer answers (preseed, autoinstall user-data) were downloaded: the network boot is done. */
    ANSWERS("answers fetched", null);

    private final String label;
    private final String waitingFor;

    BootStage(String label, String waitingFor) {
        this.label = label;
        this.waitingFor = waitingFor;
    }

    /** Short text for tables and logs. */
    public String label() {
        return label;
    }

    /** What a machine at this stage fetches or asks for next, or null when nothing is expected. */
    public String waitingFor() {
        return waitingFor;
    }

    /** Whether a machine at this stage is in the middle of a network boot, so that it can be stuck. */
    public boolean inProgress() {
        return this != SEEN && this != ANSWERS;
    }
}
