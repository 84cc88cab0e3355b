package dev.ipv6boot.dhcp6.catalog;

import static dev.ipv6boot.dhcp6.catalog.OptionFormat.*;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DHCPv6 option catalogue: every option this library knows, one row each. The codec validates known
 * options by their {@link OptionFormat}, the printer names and formats them from here, and configuration
 * will refer to them by {@link OptionDefinition#name()}. Options not in the table are still carried and
 * passed through byte for byte; they simply print as opaque data.
 */
public final class OptionCatalog {

    private static final OptionDefinition[] ROWS = {
        row(1, "client-id", "Client Identifier", DUID, "RFC 9915 §21.2"),
        row(2, "server-id", "Server Identifier", DUID, "RFC 9915 §21.3"),
        row(3, "ia-na", "Identity Association for Non-temporary Addresses", IA_NA, "RFC 9915 §21.4"),
        row(4, "ia-ta", "Identity Association for Temporary Addresses", IA_TA, "RFC 9915 §21.5"),
        row(5, "iaaddr", "IA Address", IA_ADDRESS, "RFC 9915 §21.6"),
        row(6, "oro", "Option Request", OPTION_CODE_LIST, "RFC 9915 §21.7"),
        row(7, "preference", "Preference", UINT8, "RFC 9915 §21.8"),
        row(8, "elapsed-time", "Elapsed Time", CENTISECONDS16, "RFC 9915 §21.9"),
        row(9, "relay-msg", "Relay Message", RELAY_MESSAGE, "RFC 9915 §21.10"),
        row(11, "auth", "Authentication", AUTHENTICATION, "RFC 9915 §21.11"),
        row(12, "unicast", "Server Unicast", IPV6_ADDRESS, "RFC 9915 §21.12"),
        row(13, "status-code", "Status Code", STATUS_CODE, "RFC 9915 §21.13"),
        row(14, "rapid-commit", "Rapid Commit", EMPTY, "RFC 9915 §21.14"),
        row(15, "user-class", "User Class", USER_CLASS, "RFC 9915 §21.15"),
        row(16, "vendor-class", "Vendor Class", VENDOR_CLASS, "RFC 9915 §21.16"),
        row(17, "vendor-opts", "Vendor-specific Information", VENDOR_OPTIONS, "RFC 9915 §21.17"),
        row(18, "interface-id", "Interface-Id", OPAQUE, "RFC 9915 §21.18"),
        row(19, "reconf-msg", "Reconfigure Message", MESSAGE_TYPE, "RFC 9915 §21.19"),
        row(20, "reconf-accept", "Reconfigure Accept", EMPTY, "RFC 9915 §21.20"),
        row(21, "sip-server-dns", "SIP Servers Domain Name List", DOMAIN_LIST, "RFC 3319 §3.1"),
        row(22, "sip-server-addr", "SIP Servers IPv6 Address List", IPV6_ADDRESS_LIST, "RFC 3319 §3.2"),
        row(23, "dns-servers", "DNS Recursive Name Server", IPV6_ADDRESS_LIST, "RFC 3646 §3"),
        row(24, "domain-search", "Domain Search List", DOMAIN_LIST, "RFC 3646 §4"),
        row(25, "ia-pd", "Identity Association for Prefix Delegation", IA_PD, "RFC 9915 §21.21"),
        row(26, "iaprefix", "IA Prefix", IA_PREFIX, "RFC 9915 §21.22"),
        row(27, "nis-servers", "NIS Servers", IPV6_ADDRESS_LIST, "RFC 3898 §3"),
        row(28, "nisp-servers", "NIS+ Servers", IPV6_ADDRESS_LIST, "RFC 3898 §4"),
        row(29, "nis-domain-name", "NIS Domain Name", DOMAIN_LIST, "RFC 3898 §5"),
        row(30, "nisp-domain-name", "NIS+ Domain Name", DOMAIN_LIST, "RFC 3898 §6"),
        row(31, "sntp-servers", "SNTP Servers", IPV6_ADDRESS_LIST, "RFC 4075 §4"),
        row(32, "information-refresh-time", "Information Refresh Time", SECONDS32, "RFC 9915 §21.23"),
        row(37, "remote-id", "Relay Agent Remote-ID", ENTERPRISE_OPAQUE, "RFC 4649 §3"),
        row(38, "subscriber-id", "Relay Agent Subscriber-ID", OPAQUE, "RFC 4580 §2"),
        row(39, "client-fqdn", "Client FQDN", FQDN, "RFC 4704 §4"),
        row(41, "new-posix-timezone", "New POSIX Timezone", STRING, "RFC 4833 §3"),
        row(42, "new-tzdb-timezone", "New TZDB Timezone", STRING, "RFC 4833 §3"),
        row(43, "ero", "Relay Agent Echo Request", OPTION_CODE_LIST, "RFC 4994 §4"),
        row(56, "ntp-server", "NTP Server", OPAQUE, "RFC 5908 §4"),
        row(59, "bootfile-url", "Boot File URL", STRING, "RFC 5970 §3.1"),
        row(60, "bootfile-param", "Boot File Parameters", BOOT_PARAMETERS, "RFC 5970 §3.2"),
        row(61, "client-arch-type", "Client System Architecture Type", ARCH_TYPE_LIST, "RFC 5970 §3.3"),
        row(62, "nii", "Client Network Interface Identifier", NII, "RFC 5970 §3.4"),
        row(64, "aftr-name", "AFTR Name", DOMAIN_LIST, "RFC 6334 §3"),
        row(67, "pd-exclude", "Prefix Exclude", OPAQUE, "RFC 6603 §4.2"),
        row(79, "client-linklayer-addr", "Client Link-Layer Address", LINK_LAYER_ADDRESS, "RFC 6939 §4"),
        row(80, "link-address", "Link Address", IPV6_ADDRESS, "RFC 6977 §4.1"),
        row(82, "solmax-rt", "SOL_MAX_RT", SECONDS32, "RFC 9915 §21.24"),
        row(83, "infmax-rt", "INF_MAX_RT", SECONDS32, "RFC 9915 §21.25"),
        row(103, "v6-captive-portal", "Captive-Portal", STRING, "RFC 8910 §2.2"),
        row(135, "relay-source-port", "Relay Source Port", UINT16, "RFC 8357 §5.2"),
    };

    private static final OptionDefinition[] BY_CODE;
    private static final OptionFormat[] FORMAT_BY_CODE;
    private static final Map<String, OptionDefinition> BY_NAME;

    static {
        int max = 0;
        for (OptionDefinition row : ROWS) {
            max = Math.max(max, row.code());
        }
        BY_CODE = new OptionDefinition[max + 1];
        Map<String, OptionDefinition> byName = new HashMap<>();
        for (OptionDefinition row : ROWS) {
            if (BY_CODE[row.code()] != null || byName.put(row.name(), row) != null) {
                throw new ExceptionInInitializerError("duplicate catalogue row " + row);
            }
            BY_CODE[row.code()] = row;
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        FORMAT_BY_CODE = new OptionFormat[BY_CODE.length];
        for (int code = 0; code < BY_CODE.length; code++) {
            FORMAT_BY_CODE[code] = BY_CODE[code] == null ? OPAQUE : BY_CODE[code].format();
        }
    }

    private OptionCatalog() {
    }

    private static OptionDefinition row(int code, String name, String title, OptionFormat format, String reference) {
        return new OptionDefinition(code, name, title, format, reference);
    }

    /** The row for {@code code}, or {@code null} when the option is not in the catalogue. Allocation-free. */
    public static OptionDefinition byCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The format of {@code code}, {@link OptionFormat#OPAQUE} for an option not in the catalogue. */
    public static OptionFormat formatOf(int code) {
        return code >= 0 && code < FORMAT_BY_CODE.length ? FORMAT_BY_CODE[code] : OPAQUE;   // per option, hot path
    }

    /**
     * The row named {@code name} (the configuration name, case-insensitive, {@code "bootfile-url"}), or the
     * row of a decimal code ({@code "59"}), or {@code null}.
     */
    public static OptionDefinition byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        OptionDefinition row = BY_NAME.get(key);
        if (row == null && !key.isEmpty() && key.length() <= 5 && key.chars().allMatch(Character::isDigit)) {
            row = byCode(Integer.parseInt(key));
        }
        return row;
    }

    /** Every row, in code order. */
    public static List<OptionDefinition> all() {
        return List.of(ROWS);
    }
}
