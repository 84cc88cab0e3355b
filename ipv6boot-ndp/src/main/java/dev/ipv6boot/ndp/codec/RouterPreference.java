package dev.ipv6boot.ndp.codec;

/**
 * The 2-bit preference of a default router or route (RFC 4191 §2.1). The reserved value 10 is read as
 * {@link #MEDIUM}, as §2.2 requires of receivers.
 */
public enum RouterPreference {
    HIGH(0b01), MEDIUM(0b00), LOW(0b11);

    private final int bits;

    RouterPreference(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static RouterPreference fromBits(int bits) {
        return switch (bits & 0b11) {
            case 0b01 -> HIGH;
            case 0b11 -> LOW;
            default -> MEDIUM;
        };
    }
}
