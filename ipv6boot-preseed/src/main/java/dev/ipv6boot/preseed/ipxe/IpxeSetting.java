package dev.ipv6boot.preseed.ipxe;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.Set;

/**
 * References to iPXE settings ({@code ${net0/mac:hexhyp}}), written so that a typo in a setting type is
 * caught when the script is built rather than when a machine boots. See https://ipxe.org/cfg.
 *
 * @param scope the settings block ({@code net0}, {@code netX} for the booted interface, {@code smbios}), or empty
 * @param name  the setting ({@code mac}, {@code uuid}, {@code hostname}, {@code ip6}…)
 * @param type  how iPXE formats it ({@code hexhyp}, {@code uristring}…), or empty for its own type
 */
public record IpxeSetting(String scope, String name, String type) {
    private static final Set<String> TYPES = Set.of("ipv4", "ipv6", "int8", "int16", "int32", "uint8", "uint16",
            "uint32", "hex", "hexhyp", "hexraw", "string", "uristring", "uuid", "guid", "busdevfn", "dnssl", "base64");

    /** {@code ${netX/mac:hexhyp}}: the booted interface's MAC as {@code 52-54-00-12-34-56}. */
    public static final IpxeSetting BOOT_MAC_HEXHYP = new IpxeSetting("netX", "mac", "hexhyp");
    /** {@code ${uuid}}: the SMBIOS system UUID. */
    public static final IpxeSetting UUID = new IpxeSetting("", "uuid", "");
    /** {@code ${hostname}}: the host name DHCP gave. */
    public static final IpxeSetting HOSTNAME = new IpxeSetting("", "hostname", "");
    /** {@code ${platform}}: {@code pcbios} or {@code efi}. */
    public static final IpxeSetting PLATFORM = new IpxeSetting("", "platform", "");
    /** {@code ${buildarch}}: {@code x86_64}, {@code arm64}… */
    public static final IpxeSetting BUILD_ARCH = new IpxeSetting("", "buildarch", "");

    public IpxeSetting {
        if (!word(name) || !scope.isEmpty() && !word(scope)) {
            throw InvalidInputException.of("iPXE setting", "bad-setting", scope + "/" + name,
                    "scope and name are letters, digits, '-', '_' or '.'");
        }
        if (!type.isEmpty() && !TYPES.contains(type)) {
            throw InvalidInputException.of("iPXE setting", "bad-setting", type, "iPXE has no setting type '" + type + "'");
        }
    }

    /** The MAC of interface {@code netdev} ({@code net0}, {@code netX}) formatted as {@code type}. */
    public static IpxeSetting mac(String netdev, String type) {
        return new IpxeSetting(netdev, "mac", type);
    }

    private static boolean word(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'
                || c == '_' || c == '.'));
    }

    /** The expansion as written in a script, {@code ${scope/name:type}}. */
    public String expansion() {
        return "${" + (scope.isEmpty() ? "" : scope + "/") + name + (type.isEmpty() ? "" : ":" + type) + "}";
    }

    /** The setting name as {@code set} and {@code isset} take it, {@code scope/name:type}. */
    public String reference() {
        String e = expansion();
        return e.substring(2, e.length() - 1);
    }

    @Override
    public String toString() {
        return expansion();
    }
}
