package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.OptionDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One option a policy may send: its code and its data, encoded once when the policy is built (see
 * {@link OptionValues}). Unless {@code alwaysSend}, it goes only to clients that list it in their Option
 * Request (RFC 9915 §18.3: a server "SHOULD NOT" send options the client did not request, with exceptions
 * this library decides itself).
 *
 * @param code       the option code
 * @param data       the option data, without the 4-octet header (copied; never modified)
 * @param alwaysSend whether to send it even when the client did not ask for it
 * @param source     where it was configured, for messages ("line 12", "builder")
 */
public record OptionSetting(int code, byte[] data, boolean alwaysSend, String source) {

    public OptionSetting {
        if (code < 1 || code > 0xffff) {
            throw new IllegalArgumentException("option code must be in [1, 65535]: " + code);
        }
        if (data.length > 0xffff) {
            throw new IllegalArgumentException("option " + code + " data longer than 65535 octets");
        }
        data = data.clone();
        source = source == null ? "builder" : source;
    }

    /** Builds a setting from catalogue name or code and the text of its value ({@code "dns-servers", "2001:db8::1"}). */
    public static OptionSetting of(String nameOrCode, String value, boolean alwaysSend, String source) {
        OptionDefinition definition = OptionCatalog.byName(nameOrCode);
        int code;
        if (definition != null) {
            code = definition.code();
        } else {
            try {
                code = Integer.parseInt(nameOrCode.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown option '" + nameOrCode + "': not in the catalogue"
                        + " (e.g. bootfile-url, dns-servers, domain-search, vendor-opts) and not a code");
            }
        }
        return new OptionSetting(code, OptionValues.encode(code, value), alwaysSend, source);
    }

    /** The data of a Boot File URL, as text; {@code null} for another option. */
    public String url() {
        return code == OptionCodes.BOOT_FILE_URL ? new String(data, StandardCharsets.UTF_8) : null;
    }

    /** The catalogue name of the option, or its code. */
    public String name() {
        OptionDefinition d = OptionCatalog.byCode(code);
        return d == null ? Integer.toString(code) : d.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionSetting s && s.code == code && Arrays.equals(s.data, data)
                && s.alwaysSend == alwaysSend;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + Arrays.hashCode(data)) + Boolean.hashCode(alwaysSend);
    }

    @Override
    public String toString() {
        return name() + "(" + data.length + " octets" + (alwaysSend ? ", always" : "") + ", " + source + ")";
    }
}
