package dev.ipv6boot.preseed.net;

/** Checks of host and domain names against the preferred name syntax (RFC 1123 §2.1, RFC 952). */
public final class DnsNames {
    private DnsNames() {
    }

    /** One label: 1..63 letters, digits and hyphens, not starting or ending with a hyphen. */
    public static boolean isHostLabel(String s) {
        if (s == null || s.isEmpty() || s.length() > 63 || s.startsWith("-") || s.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Dot-separated {@linkplain #isHostLabel labels}, at most 253 characters, an optional final dot. */
    public static boolean isDomainName(String s) {
        if (s == null || s.isEmpty() || s.length() > 254) {
            return false;
        }
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                return false;
            }
        }
        return true;
    }
}
