package dev.ipv6boot.dhcp6.catalog;

/**
 * DHCPv6 option codes (IANA "DHCPv6 Option Codes" registry, RFC 9915 §24), as plain {@code int} constants so
 * that hot paths compare without boxing. The catalogue row of each code is in {@link OptionCatalog}.
 */
public final class OptionCodes {
    public static final int CLIENT_ID = 1;                 // RFC 9915 §21.2
    public static final int SERVER_ID = 2;                 // RFC 9915 §21.3
    public static final int IA_NA = 3;                     // RFC 9915 §21.4
    public static final int IA_TA = 4;                     // RFC 9915 §21.5 (deprecated: parse only)
    public static final int IA_ADDRESS = 5;                // RFC 9915 §21.6
    public static final int OPTION_REQUEST = 6;            // RFC 9915 §21.7
    public static final int PREFERENCE = 7;                // RFC 9915 §21.8
    public static final int ELAPSED_TIME = 8;              // RFC 9915 §21.9
    public static final int RELAY_MESSAGE = 9;             // RFC 9915 §21.10
    public static final int AUTHENTICATION = 11;           // RFC 9915 §21.11
    public static final int UNICAST = 12;                  // RFC 9915 §21.12 (deprecated: parse only)
    public static final int STATUS_CODE = 13;              // RFC 9915 §21.13
    public static final int RAPID_COMMIT = 14;             // RFC 9915 §21.14
    public static final int USER_CLASS = 15;               // RFC 9915 §21.15
    public static final int VENDOR_CLASS = 16;             // RFC 9915 §21.16
    public static final int VENDOR_OPTIONS = 17;           // RFC 9915 §21.17
    public static final int INTERFACE_ID = 18;             // RFC 9915 §21.18
    public static final int RECONFIGURE_MESSAGE = 19;      // RFC 9915 §21.19
    public static final int RECONFIGURE_ACCEPT = 20;       // RFC 9915 §21.20
    public static final int DNS_SERVERS = 23;              // RFC 3646 §3
    public static final int DOMAIN_LIST = 24;              // RFC 3646 §4
    public static final int IA_PD = 25;                    // RFC 9915 §21.21
    public static final int IA_PREFIX = 26;                // RFC 9915 §21.22
    public static final int INFORMATION_REFRESH_TIME = 32; // RFC 9915 §21.23
    public static final int REMOTE_ID = 37;                // RFC 4649 §3
    public static final int SUBSCRIBER_ID = 38;            // RFC 4580 §2
    public static final int CLIENT_FQDN = 39;              // RFC 4704 §4
    public static final int BOOT_FILE_URL = 59;            // RFC 5970 §3.1
    public static final int BOOT_FILE_PARAMETERS = 60;     // RFC 5970 §3.2
    public static final int CLIENT_ARCH_TYPE = 61;         // RFC 5970 §3.3
    public static final int NII = 62;                      // RFC 5970 §3.4
    public static final int CLIENT_LINKLAYER_ADDRESS = 79; // RFC 6939 §4
    public static final int SOL_MAX_RT = 82;               // RFC 9915 §21.24
    public static final int INF_MAX_RT = 83;               // RFC 9915 §21.25
    public static final int CAPTIVE_PORTAL = 103;          // RFC 8910 §2.2
    public static final int RELAY_SOURCE_PORT = 135;       // RFC 8357 §5.2

    private OptionCodes() {
    }
}
