package dev.ipv6boot.dhcp6.codec;

import java.util.HexFormat;

/** Hand-assembled wire bytes for tests, as hex strings, so each malformed case shows exactly what it breaks. */
final class Wire {
    static final String XID = "c126d6";
    static final String LINK = "20010db8000000000000000000000001";   // 2001:db8::1
    static final String PEER = "fe800000000000000000000000000002";   // fe80::2

    private Wire() {
    }

    /** An option: 2 octets code, 2 octets length (of {@code dataHex}), the data. */
    static String option(int code, String dataHex) {
        return String.format("%04x%04x", code, dataHex.length() / 2) + dataHex;
    }

    /** An option header claiming {@code length} whatever follows. */
    static String header(int code, int length) {
        return String.format("%04x%04x", code, length);
    }

    /** A client/server message of {@code type} with transaction ID c126d6. */
    static String message(int type, String... options) {
        return String.format("%02x", type) + XID + String.join("", options);
    }

    /** A Relay-forw with hop count {@code hops} around {@code innerHex}, after {@code before} options. */
    static String relayForward(int hops, String innerHex, String... before) {
        return String.format("0c%02x", hops) + LINK + PEER + String.join("", before) + option(9, innerHex);
    }

    static String repeat(String hex, int times) {
        return hex.repeat(times);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
