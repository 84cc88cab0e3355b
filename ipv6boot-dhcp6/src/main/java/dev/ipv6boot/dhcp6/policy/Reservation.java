package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import java.util.HexFormat;

/**
 * A fixed address for one machine, found by its MAC (the identity rule of DESIGN.md) or, for a machine that
 * never shows one, by its DUID.
 *
 * @param mac         the 48-bit MAC, or -1
 * @param duid        the DUID octets, or {@code null}
 * @param addressHigh the reserved address, high 64 bits
 * @param addressLow  low 64 bits
 */
public record Reservation(long mac, byte[] duid, long addressHigh, long addressLow) {

    public Reservation {
        if (mac < 0 && duid == null) {
            throw new IllegalArgumentException("a reservation needs a MAC or a DUID");
        }
        duid = duid == null ? null : duid.clone();
    }

    /** Parses {@code "52:54:00:12:34:56"} (a MAC) or {@code "duid 0001000132..."} (hex) with an address. */
    public static Reservation parse(String key, String address) {
        long[] a = Ipv6Prefix.parseAddress(address);
        String k = key.trim();
        if (k.startsWith("duid ")) {
            return new Reservation(-1, HexFormat.of().parseHex(k.substring(5).trim().replace(":", "")), a[0], a[1]);
        }
        return new Reservation(parseMac(k), null, a[0], a[1]);
    }

    /** Parses a MAC written {@code 52:54:00:12:34:56} or {@code 52-54-00-12-34-56}. */
    public static long parseMac(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        long mac = 0;
        for (String p : parts) {
            if (p.length() != 2) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            mac = (mac << 8) | Integer.parseInt(p, 16);
        }
        return mac;
    }

    @Override
    public String toString() {
        return (mac >= 0 ? String.format("%012x", mac) : "duid " + HexFormat.of().formatHex(duid)) + " -> "
                + Ipv6AddressFormat.toString(addressHigh, addressLow);
    }
}
