package dev.ipv6boot.ndp.codec;

/**
 * Neighbor Discovery option type numbers (IANA "IPv6 Neighbor Discovery Option Formats"). An open set:
 * any other number is a legal, unknown option that is carried byte for byte.
 */
public final class NdpOptionType {
    /** RFC 4861 §4.6.1. */
    public static final int SOURCE_LINK_LAYER_ADDRESS = 1;
    /** RFC 4861 §4.6.1. */
    public static final int TARGET_LINK_LAYER_ADDRESS = 2;
    /** RFC 4861 §4.6.2. */
    public static final int PREFIX_INFORMATION = 3;
    /** RFC 4861 §4.6.4. */
    public static final int MTU = 5;
    /** RFC 4191 §2.3. */
    public static final int ROUTE_INFORMATION = 24;
    /** RFC 8106 §5.1. */
    public static final int RECURSIVE_DNS_SERVER = 25;
    /** RFC 8106 §5.2. */
    public static final int DNS_SEARCH_LIST = 31;
    /** RFC 8910 §2.3. */
    public static final int CAPTIVE_PORTAL = 37;
    /** RFC 8781 §4. */
    public static final int PREF64 = 38;

    private NdpOptionType() {
    }

    /** A short name for printing, {@code "type N"} for numbers this codec does not interpret. */
    public static String name(int type) {
        return switch (type) {
            case SOURCE_LINK_LAYER_ADDRESS -> "source-link-layer-address";
            case TARGET_LINK_LAYER_ADDRESS -> "target-link-layer-address";
            case PREFIX_INFORMATION -> "prefix-information";
            case MTU -> "mtu";
            case ROUTE_INFORMATION -> "route-information";
            case RECURSIVE_DNS_SERVER -> "rdnss";
            case DNS_SEARCH_LIST -> "dnssl";
            case CAPTIVE_PORTAL -> "captive-portal";
            case PREF64 -> "pref64";
            default -> "type " + type;
        };
    }
}
