package dev.ipv6boot.dhcp6.catalog;

/** DHCPv6 status codes (IANA "Status Codes" registry; RFC 9915 §21.13 and later registrations). */
public final class StatusCodes {
    public static final int SUCCESS = 0;
    public static final int UNSPEC_FAIL = 1;
    public static final int NO_ADDRS_AVAIL = 2;
    public static final int NO_BINDING = 3;
    public static final int NOT_ON_LINK = 4;
    public static final int USE_MULTICAST = 5;
    public static final int NO_PREFIX_AVAIL = 6;

    private static final String[] NAMES = {
        "Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink", "UseMulticast", "NoPrefixAvail",
        "UnknownQueryType", "MalformedQuery", "NotConfigured", "NotAllowed", "QueryTerminated",
        "DataMissing", "CatchUpComplete", "NotSupported", "TLSConnectionRefused", "AddressInUse",
        "ConfigurationConflict", "MissingBindingInformation", "OutdatedBindingInformation",
        "ServerShuttingDown", "DNSUpdateNotSupported", "ExcessiveTimeSkew",
    };

    private StatusCodes() {
    }

    /** The registry name of {@code code}, or {@code null} when unassigned. */
    public static String nameOf(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : null;
    }
}
