package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionFormat;
import dev.ipv6boot.dhcp6.codec.option.DomainList;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes the configured text of an option into its wire data, driven by the catalogue's
 * {@link OptionFormat} (the same table that validates and prints). Runs at configuration time only.
 * <ul>
 *   <li>addresses: {@code 2001:db8::1, 2001:db8::2}</li>
 *   <li>text (URLs): {@code http://[2001:db8::1]/ipxe.efi} or {@code "..."}</li>
 *   <li>domain lists: {@code boot.example, example}</li>
 *   <li>integers: {@code 3600}</li>
 *   <li>item lists (user class, boot file parameters): {@code "a", "b"}</li>
 *   <li>vendor class: {@code 343, "HTTPClient"}</li>
 *   <li>vendor options: {@code 4491, 32 = 0x0a0b, 33 = 'text'}</li>
 *   <li>anything else: hex, {@code 0x0a0b} or {@code 0a:0b}, or {@code 'text'}</li>
 * </ul>
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The data of option {@code code} written as {@code text}; throws {@link IllegalArgumentException} with why. */
    public static byte[] encode(int code, String text) {
        OptionFormat format = OptionCatalog.formatOf(code);
        String s = text == null ? "" : text.trim();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case EMPTY:
                if (!s.isEmpty()) {
                    throw new IllegalArgumentException("option " + code + " carries no data, found '" + s + "'");
                }
                break;
            case UINT8:
            case MESSAGE_TYPE:
                writeUnsigned(out, integer(s, 0xffL), 1);
                break;
            case UINT16:
            case CENTISECONDS16:
                writeUnsigned(out, integer(s, 0xffffL), 2);
                break;
            case UINT32:
            case SECONDS32:
                writeUnsigned(out, integer(s, 0xffffffffL), 4);
                break;
            case IPV6_ADDRESS:
            case IPV6_ADDRESS_LIST: {
                List<String> items = split(s);
                if (items.isEmpty() || (format == OptionFormat.IPV6_ADDRESS && items.size() != 1)) {
                    throw new IllegalArgumentException("option " + code + " needs "
                            + (format == OptionFormat.IPV6_ADDRESS ? "one IPv6 address" : "IPv6 addresses"));
                }
                for (String item : items) {
                    long[] a = Ipv6Prefix.parseAddress(item);
                    writeUnsigned(out, a[0], 8);
                    writeUnsigned(out, a[1], 8);
                }
                break;
            }
            case OPTION_CODE_LIST:
            case ARCH_TYPE_LIST:
                for (String item : split(s)) {
                    writeUnsigned(out, integer(item, 0xffffL), 2);
                }
                break;
            case STRING:
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("option " + code + " needs text");
                }
                out.writeBytes(unquote(s).getBytes(StandardCharsets.UTF_8));
                break;
            case DOMAIN_LIST: {
                ByteBuf buf = Unpooled.buffer();
                for (String item : split(s)) {
                    String name = unquote(item);
                    if (DomainList.writeName(buf, name.endsWith(".") ? name : name + ".") < 0) {
                        throw new IllegalArgumentException("not a domain name: '" + name + "'");
                    }
                }
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                out.writeBytes(bytes);
                break;
            }
            case USER_CLASS:
            case BOOT_PARAMETERS:
                for (String item : split(s)) {
                    writeItem(out, unquote(item));
                }
                break;
            case VENDOR_CLASS:
                for (String item : enterpriseThenItems(out, s,
                        "vendor-class needs an enterprise number and at least one item")) {
                    writeItem(out, unquote(item));
                }
                break;
            case VENDOR_OPTIONS:
                for (String item : enterpriseThenItems(out, s,
                        "vendor-opts needs an enterprise number and sub-options CODE = VALUE")) {
                    int eq = item.indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException("vendor sub-option '" + item + "' is not CODE = VALUE");
                    }
                    byte[] value = opaque(item.substring(eq + 1).trim());
                    writeUnsigned(out, integer(item.substring(0, eq).trim(), 0xffffL), 2);  // sub-option code
                    writeUnsigned(out, value.length, 2);                                    // sub-option length
                    out.writeBytes(value);
                }
                break;
            default:
                out.writeBytes(opaque(s));
                break;
        }
        byte[] data = out.toByteArray();
        if (data.length > 0xffff) {
            throw new IllegalArgumentException("option " + code + " longer than 65535 octets");
        }
        return data;
    }

    private static byte[] opaque(String s) {
        if (s.startsWith("'") || s.startsWith("\"")) {
            return unquote(s).getBytes(StandardCharsets.UTF_8);
        }
        String hex = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s.replace(":", "");
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex data needs an even number of digits: " + s);
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex data ('0x0a0b', '0a:0b') nor quoted text: " + s);
        }
    }

    /**
     * Writes the enterprise number that leads a vendor option's items {@code s} (4 octets enterprise-number,
     * RFC 9915 §21.16 and §21.17) and returns the items after it, at least one.
     */
    private static List<String> enterpriseThenItems(ByteArrayOutputStream out, String s, String usage) {
        List<String> items = split(s);
        if (items.size() < 2) {
            throw new IllegalArgumentException(usage);
        }
        writeUnsigned(out, integer(items.get(0), 0xffffffffL), 4);
        return items.subList(1, items.size());
    }

    private static void writeItem(ByteArrayOutputStream out, String item) {
        byte[] bytes = item.getBytes(StandardCharsets.UTF_8);
        writeUnsigned(out, bytes.length, 2);                     // 2 octets item length, RFC 9915 §21.15
        out.writeBytes(bytes);
    }

    private static void writeUnsigned(ByteArrayOutputStream out, long value, int octets) {
        for (int i = octets - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static long integer(String s, long max) {
        long v;
        try {
            String t = s.trim();
            v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + s + "'");
        }
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(v + " is out of range [0, " + max + "]");
        }
        return v;
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Splits on commas and white space outside quotes; the text inside quotes is kept whole. */
    static List<String> split(String s) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (c == ',' || Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    items.add(current.toString());
                    current.setLength(0);
                }
            } else if (c == '=' ) {
                // "32 = 0x0a": keep CODE=VALUE together for vendor sub-options
                if (current.length() == 0 && !items.isEmpty()) {
                    current.append(items.remove(items.size() - 1));
                }
                current.append('=');
                int j = i + 1;
                while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                i = j - 1;
            } else {
                current.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("quote not closed in: " + s);
        }
        if (current.length() > 0) {
            items.add(current.toString());
        }
        return items;
    }
}
