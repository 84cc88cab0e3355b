package dev.ipv6boot.preseed.net;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A 48-bit Ethernet MAC address, the identity of a machine (DESIGN.md: "identity is the MAC, not the DUID").
 * Renders in the forms iPXE produces: {@link #hexhyp()} is what {@code ${net0/mac:hexhyp}} expands to,
 * {@link #toString()} what {@code ${net0/mac}} expands to.
 */
public record MacAddress(long value) {
    private static final HexFormat LOWER = HexFormat.of();

    public MacAddress {
        if ((value & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw InvalidInputException.of("MAC address", "bad-mac", Long.toHexString(value), "more than 48 bits");
        }
    }

    /**
     * Parses {@code 52:54:00:12:34:56}, {@code 52-54-00-12-34-56} or {@code 525400123456}, any case.
     * Returns empty for anything else.
     */
    public static Optional<MacAddress> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex;
        if (text.length() == 17) {
            char sep = text.charAt(2);
            if (sep != ':' && sep != '-') {
                return Optional.empty();
            }
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 17; i++) {
                if (i % 3 == 2) {
                    if (text.charAt(i) != sep) {
                        return Optional.empty();
                    }
                } else {
                    sb.append(text.charAt(i));
                }
            }
            hex = sb.toString();
        } else if (text.length() == 12) {
            hex = text;
        } else {
            return Optional.empty();
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new MacAddress(Long.parseLong(hex, 16)));
    }

    /** Like {@link #tryParse} but throws {@link InvalidInputException} naming the bad text. */
    public static MacAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> InvalidInputException.of("MAC address", "bad-mac",
                String.valueOf(text), "not a MAC address; write six hex octets as 52:54:00:12:34:56"));
    }

    public byte[] bytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (8 * (5 - i)));
        }
        return b;
    }

    private String joined(String separator) {
        byte[] b = bytes();
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(LOWER.toHexDigits(b[i]));
        }
        return sb.toString();
    }

    /** {@code 52-54-00-12-34-56}, as iPXE's {@code ${net0/mac:hexhyp}}: safe in file names and URLs. */
    public String hexhyp() {
        return joined("-");
    }

    /** {@code 525400123456}, as iPXE's {@code :hexraw}. */
    public String hexraw() {
        return joined("");
    }

    /** {@code 52:54:00:12:34:56}, lower case as iPXE prints {@code ${net0/mac}}. */
    @Override
    public String toString() {
        return joined(":").toLowerCase(Locale.ROOT);
    }
}
