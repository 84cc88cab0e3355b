package dev.ipv6boot.examples.observe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MAC addresses as 48-bit longs and as text, and the MAC an EUI-64 interface identifier carries. */
final class Macs {
    // Six hex pairs separated by ':' or '-' (iPXE's ${mac} and ${mac:hexhyp}), as a whole path segment part.
    private static final Pattern IN_PATH = Pattern.compile(
            "(?<![0-9A-Fa-f])([0-9A-Fa-f]{2})([:-])([0-9A-Fa-f]{2})\\2([0-9A-Fa-f]{2})\\2([0-9A-Fa-f]{2})\\2"
                    + "([0-9A-Fa-f]{2})\\2([0-9A-Fa-f]{2})(?![0-9A-Fa-f])");

    private Macs() {
    }

    /** {@code 52:54:00:12:34:56}. */
    static String format(long mac) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) (mac >>> shift) & 0xff;
            out.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
            if (shift > 0) {
                out.append(':');
            }
        }
        return out.toString();
    }

    /** The canonical form (lower case, colons) of a MAC written with ':' or '-', or null when it is not one. */
    static String normalize(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IN_PATH.matcher(text.trim());
        return m.matches() ? canonical(m) : null;
    }

    /** The first MAC written in {@code path} ({@code /boot/52-54-00-12-34-56.ipxe}), or null. */
    static String inPath(String path) {
        Matcher m = IN_PATH.matcher(path);
        return m.find() ? canonical(m) : null;
    }

    private static String canonical(Matcher m) {
        StringBuilder out = new StringBuilder(17);
        for (int g = 1; g <= 7; g++) {
            if (g == 2) {
                continue;                                   // the separator
            }
            out.append(out.isEmpty() ? "" : ":").append(m.group(g).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * The MAC inside a modified EUI-64 interface identifier ({@code ff:fe} in its middle, the universal/local bit
     * inverted, RFC 4291 Appendix A), for link-local and SLAAC addresses alike, or -1. A stable-privacy address
     * (RFC 7217) has {@code ff:fe} there by chance once in 65,536, so
     * addresses learned from leases are looked up first.
     */
    static long ofEui64(long low) {
        if (((low >>> 24) & 0xffff) != 0xfffe) {
            return -1;
        }
        long upper = (low >>> 40) ^ 0x02_0000L;             // 3 octets OUI, U/L bit flipped back
        long lower = low & 0xff_ffffL;                      // 3 octets NIC-specific
        return (upper << 24) | lower;
    }
}
