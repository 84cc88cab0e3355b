package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.dhcp6.catalog.ArchitectureTypes;
import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.OptionDefinition;
import dev.ipv6boot.dhcp6.catalog.OptionFormat;
import dev.ipv6boot.dhcp6.catalog.StatusCodes;
import dev.ipv6boot.dhcp6.codec.option.Ascii;
import dev.ipv6boot.dhcp6.codec.option.Authentication;
import dev.ipv6boot.dhcp6.codec.option.ClientLinkLayerAddress;
import dev.ipv6boot.dhcp6.codec.option.DomainList;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.codec.option.Fqdn;
import dev.ipv6boot.dhcp6.codec.option.Hex;
import dev.ipv6boot.dhcp6.codec.option.IaAddress;
import dev.ipv6boot.dhcp6.codec.option.IaNa;
import dev.ipv6boot.dhcp6.codec.option.IaPrefix;
import dev.ipv6boot.dhcp6.codec.option.NetworkInterfaceId;
import dev.ipv6boot.dhcp6.codec.option.StatusCode;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Prints a wrapped message option by option, relayed messages nested, in the spirit of {@code tshark -V}:
 * names and formats from the {@link OptionCatalog}, addresses in RFC 5952 form, DUIDs by type and hex,
 * URLs and classes as text (non-printable octets escaped), architecture types and status codes by name.
 *
 * <pre>
 * Solicit (1), transaction-id 0xe8e6ec, 104 octets
 *     Client Identifier (1): DUID-LLT hardware-type 1 time 836785258 link-layer 52:54:00:12:34:56
 *     Client System Architecture Type (61): EFI x86-64 (0x0007)
 * </pre>
 * Unknown options print as hex. The view must be valid (see {@link Dhcp6MessageView#wrap}); the buffer is
 * only read.
 */
public final class Dhcp6Printer {
    private static final String INDENT = "    ";

    private Dhcp6Printer() {
    }

    /** Appends the message to {@code out}, one line per header and option, each line ending in '\n'. */
    public static StringBuilder print(Dhcp6MessageView view, StringBuilder out) {
        if (!view.isValid()) {
            throw new IllegalArgumentException("not a valid message: " + view.error() + " at " + view.errorOffset());
        }
        message(view, out, 0);
        return out;
    }

    /** Like {@link #print(Dhcp6MessageView, StringBuilder)} into any {@link Appendable}. */
    public static void print(Dhcp6MessageView view, Appendable out) {
        try {
            out.append(print(view, new StringBuilder(512)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The printed message as a String. */
    public static String toString(Dhcp6MessageView view) {
        return print(view, new StringBuilder(512)).toString();
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append(INDENT);
        }
    }

    private static void message(Dhcp6MessageView view, StringBuilder out, int level) {
        Dhcp6MessageType type = view.type();
        indent(out, level);
        out.append(type.title()).append(" (").append(type.value()).append(')');
        if (view.isRelay()) {
            out.append(", hop-count ").append(view.hopCount()).append(", link-address ");
            Ipv6AddressFormat.append(out, view.buffer(), view.linkAddressOffset());
            out.append(", peer-address ");
            Ipv6AddressFormat.append(out, view.buffer(), view.peerAddressOffset());
        } else {
            out.append(", transaction-id 0x");
            Hex.append(out, view.transactionId(), 6);
        }
        out.append(", ").append(view.messageLength()).append(" octets\n");
        ByteBuf buf = view.buffer();
        for (int i = 0; i < view.optionCount(); i++) {
            int code = view.optionCode(i);
            if (i == view.relayMessageIndex()) {
                indent(out, level + 1);
                title(out, code);
                out.append(", ").append(view.optionLength(i)).append(" octets\n");
                message(view.relayMessage(), out, level + 2);
            } else {
                option(out, buf, code, view.optionOffset(i), view.optionLength(i), level + 1, true);
            }
        }
    }

    private static void title(StringBuilder out, int code) {
        OptionDefinition row = OptionCatalog.byCode(code);
        out.append(row == null ? "Unknown option" : row.title()).append(" (").append(code).append(')');
    }

    /** One option and, for formats that carry options, its nested options one level deeper. */
    private static void option(StringBuilder out, ByteBuf buf, int code, int offset, int length, int level,
                               boolean typed) {
        indent(out, level);
        OptionFormat format = typed ? OptionCatalog.formatOf(code) : OptionFormat.OPAQUE;
        if (typed) {
            title(out, code);
        } else {
            out.append("Sub-option (").append(code).append(')');
        }
        out.append(": ");
        value(out, buf, code, format, offset, length);
        out.append('\n');
        if (format.encapsulates() && length > format.suboptionsOffset()) {
            boolean nestedTyped = format != OptionFormat.VENDOR_OPTIONS;
            int end = offset + length;
            for (int p = offset + format.suboptionsOffset(); end - p >= 4; ) {
                int subCode = buf.getUnsignedShort(p);               // 2 octets option-code, RFC 9915 §21.1
                int subLength = buf.getUnsignedShort(p + 2);         // 2 octets option-len
                option(out, buf, subCode, p + 4, subLength, level + 1, nestedTyped);
                p += 4 + subLength;
            }
        }
    }

    private static void value(StringBuilder out, ByteBuf buf, int code, OptionFormat format, int offset, int length) {
        int end = offset + length;
        switch (format) {
            case EMPTY:
                out.append("(empty)");
                return;
            case UINT8:
            case MESSAGE_TYPE:
                int octet = buf.getUnsignedByte(offset);
                out.append(octet);
                if (format == OptionFormat.MESSAGE_TYPE) {
                    out.append(" (").append(Dhcp6MessageType.valueOf(octet).title()).append(')');
                }
                return;
            case UINT16:
                out.append(buf.getUnsignedShort(offset));
                return;
            case UINT32:
                out.append(buf.getUnsignedInt(offset));
                return;
            case CENTISECONDS16: {
                int centis = buf.getUnsignedShort(offset);
                out.append(centis / 100).append('.').append((char) ('0' + centis / 10 % 10))
                        .append((char) ('0' + centis % 10)).append(" s");
                return;
            }
            case SECONDS32:
                seconds(out, buf.getUnsignedInt(offset));
                return;
            case IPV6_ADDRESS:
                Ipv6AddressFormat.append(out, buf, offset);
                return;
            case IPV6_ADDRESS_LIST:
                for (int p = offset; p < end; p += 16) {
                    if (p > offset) {
                        out.append(", ");
                    }
                    Ipv6AddressFormat.append(out, buf, p);
                }
                return;
            case OPTION_CODE_LIST:
                for (int p = offset; p < end; p += 2) {
                    if (p > offset) {
                        out.append(", ");
                    }
                    int requested = buf.getUnsignedShort(p);         // 2 octets requested-option-code
                    OptionDefinition row = OptionCatalog.byCode(requested);
                    out.append(row == null ? "Unknown" : row.title()).append(" (").append(requested).append(')');
                }
                return;
            case ARCH_TYPE_LIST:
                for (int p = offset; p < end; p += 2) {
                    if (p > offset) {
                        out.append(", ");
                    }
                    int arch = buf.getUnsignedShort(p);              // 2 octets architecture type, RFC 5970 §3.3
                    String name = ArchitectureTypes.nameOf(arch);
                    out.append(name == null ? "Unassigned" : name).append(" (0x");
                    Hex.append(out, arch, 4);
                    out.append(')');
                }
                return;
            case DUID:
                duid(out, buf, offset, length);
                return;
            case IA_NA:
            case IA_PD:
                out.append("IAID 0x");
                Hex.append(out, IaNa.iaid(buf, offset), 8);
                out.append(", T1 ");
                seconds(out, IaNa.t1(buf, offset));
                out.append(", T2 ");
                seconds(out, IaNa.t2(buf, offset));
                return;
            case IA_TA:
                out.append("IAID 0x");
                Hex.append(out, buf.getUnsignedInt(offset), 8);
                return;
            case IA_ADDRESS:
                Ipv6AddressFormat.append(out, buf, offset);
                out.append(", preferred ");
                seconds(out, IaAddress.preferredLifetime(buf, offset));
                out.append(", valid ");
                seconds(out, IaAddress.validLifetime(buf, offset));
                return;
            case IA_PREFIX:
                Ipv6AddressFormat.append(out, buf, offset + 9);
                out.append('/').append(IaPrefix.prefixLength(buf, offset)).append(", preferred ");
                seconds(out, IaPrefix.preferredLifetime(buf, offset));
                out.append(", valid ");
                seconds(out, IaPrefix.validLifetime(buf, offset));
                return;
            case STATUS_CODE: {
                int status = StatusCode.code(buf, offset);
                String name = StatusCodes.nameOf(status);
                out.append(name == null ? "Unassigned" : name).append(" (").append(status).append(')');
                if (length > StatusCode.FIXED_LENGTH) {
                    out.append(" \"");
                    Ascii.appendPrintable(out, buf, offset + 2, length - 2);
                    out.append('"');
                }
                return;
            }
            case AUTHENTICATION:
                out.append("protocol ").append(Authentication.protocol(buf, offset))
                        .append(", algorithm ").append(Authentication.algorithm(buf, offset))
                        .append(", RDM ").append(Authentication.replayDetectionMethod(buf, offset))
                        .append(", replay detection 0x");
                Hex.append(out, Authentication.replayDetection(buf, offset), 16);
                out.append(", information ");
                hexOrNone(out, buf, offset + Authentication.FIXED_LENGTH, length - Authentication.FIXED_LENGTH);
                return;
            case USER_CLASS:
            case BOOT_PARAMETERS:
                items(out, buf, offset, end);
                return;
            case VENDOR_CLASS:
                out.append("enterprise ").append(buf.getUnsignedInt(offset));
                if (length > 4) {
                    out.append(", ");
                    items(out, buf, offset + 4, end);
                }
                return;
            case VENDOR_OPTIONS:
                out.append("enterprise ").append(buf.getUnsignedInt(offset));
                return;
            case ENTERPRISE_OPAQUE:
                out.append("enterprise ").append(buf.getUnsignedInt(offset)).append(", ");
                hexOrNone(out, buf, offset + 4, length - 4);
                return;
            case STRING:
                out.append('"');
                Ascii.appendPrintable(out, buf, offset, length);
                out.append('"');
                return;
            case DOMAIN_LIST:
                for (int p = offset; p < end; ) {
                    if (p > offset) {
                        out.append(", ");
                    }
                    p = DomainList.appendName(out, buf, p, end);
                }
                if (length == 0) {
                    out.append("(none)");
                }
                return;
            case FQDN: {
                int flags = Fqdn.flags(buf, offset);
                out.append("flags 0x");
                Hex.append(out, flags, 2);
                out.append(" (N=").append((flags & Fqdn.FLAG_N) != 0 ? 1 : 0)
                        .append(" O=").append((flags & Fqdn.FLAG_O) != 0 ? 1 : 0)
                        .append(" S=").append((flags & Fqdn.FLAG_S) != 0 ? 1 : 0).append("), name ");
                if (length == 1) {
                    out.append("(none)");
                } else {
                    DomainList.appendName(out, buf, offset + 1, end);
                }
                return;
            }
            case NII: {
                int type = NetworkInterfaceId.type(buf, offset);
                out.append(type == NetworkInterfaceId.TYPE_UNDI ? "UNDI" : "type " + type).append(' ')
                        .append(NetworkInterfaceId.major(buf, offset)).append('.')
                        .append(NetworkInterfaceId.minor(buf, offset));
                return;
            }
            case LINK_LAYER_ADDRESS:
                out.append("link-layer");
                hardwareType(out, ClientLinkLayerAddress.linkLayerType(buf, offset));
                out.append(' ');
                Hex.append(out, buf, offset + 2, length - 2, ':');
                return;
            case RELAY_MESSAGE:
            case OPAQUE:
            default:
                if (code == OptionCodes.INTERFACE_ID && isPrintable(buf, offset, length)) {
                    out.append('"');
                    Ascii.appendPrintable(out, buf, offset, length);
                    out.append("\" ");
                }
                hexOrNone(out, buf, offset, length);
        }
    }

    private static void duid(StringBuilder out, ByteBuf buf, int offset, int length) {
        int type = Duid.type(buf, offset);
        switch (type) {
            case Duid.LLT:
                out.append("DUID-LLT");
                hardwareType(out, Duid.hardwareType(buf, offset));
                out.append(" time ").append(Duid.time(buf, offset)).append(" link-layer ");
                Hex.append(out, buf, offset + 8, length - 8, ':');
                return;
            case Duid.EN:
                out.append("DUID-EN enterprise ").append(Duid.enterpriseNumber(buf, offset)).append(" identifier ");
                hexOrNone(out, buf, offset + 6, length - 6);
                return;
            case Duid.LL:
                out.append("DUID-LL");
                hardwareType(out, Duid.hardwareType(buf, offset));
                out.append(" link-layer ");
                Hex.append(out, buf, offset + 4, length - 4, ':');
                return;
            case Duid.UUID:
                out.append("DUID-UUID ");
                Hex.append(out, buf, offset + 2, 4, (char) 0);
                out.append('-');
                Hex.append(out, buf, offset + 6, 2, (char) 0);
                out.append('-');
                Hex.append(out, buf, offset + 8, 2, (char) 0);
                out.append('-');
                Hex.append(out, buf, offset + 10, 2, (char) 0);
                out.append('-');
                Hex.append(out, buf, offset + 12, 6, (char) 0);
                return;
            default:
                out.append("DUID type ").append(type).append(' ');
                Hex.append(out, buf, offset + 2, length - 2, (char) 0);
        }
    }

    /** IANA ARP hardware type (RFC 826), named when it is Ethernet, which is all a boot network meets. */
    private static void hardwareType(StringBuilder out, int type) {
        out.append(" hardware-type ").append(type);
        if (type == Duid.HARDWARE_ETHERNET) {
            out.append(" (Ethernet)");
        }
    }

    private static void items(StringBuilder out, ByteBuf buf, int from, int end) {
        for (int p = from; end - p >= 2; ) {
            int itemLength = buf.getUnsignedShort(p);                // 2 octets item length, RFC 9915 §21.15
            if (p > from) {
                out.append(", ");
            }
            out.append('"');
            Ascii.appendPrintable(out, buf, p + 2, itemLength);
            out.append('"');
            p += 2 + itemLength;
        }
        if (from == end) {
            out.append("(none)");
        }
    }

    private static void seconds(StringBuilder out, long seconds) {
        if (seconds == 0xffffffffL) {
            out.append("infinity");
        } else {
            out.append(seconds).append(" s");
        }
    }

    private static void hexOrNone(StringBuilder out, ByteBuf buf, int offset, int length) {
        if (length == 0) {
            out.append("(empty)");
        } else {
            Hex.append(out, buf, offset, length, (char) 0);
        }
    }

    private static boolean isPrintable(ByteBuf buf, int offset, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = buf.getUnsignedByte(offset + i);
            if (b < 0x20 || b >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
