package dev.ipv6boot.examples.observe;

import dev.ipv6boot.dhcp6.catalog.ArchitectureTypes;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The few facts of an answered DHCPv6 message the timeline keeps, copied out of the (reused) view on the event
 * loop: bounded in size whatever the message holds.
 *
 * @param messageType  the client's message type (inside any relay chain)
 * @param replyType    what was sent back
 * @param archTypes    option 61, at most {@link #MAX_ARCH_TYPES}
 * @param userClass    the first item of option 15, or null
 * @param vendorClass  the first item of option 16, or null
 * @param duidType     of the Client Identifier, or -1
 */
record Dhcp6Facts(int messageType, int replyType, int[] archTypes, String userClass, String vendorClass, int duidType) {
    static final int MAX_ARCH_TYPES = 4;
    static final int MAX_TEXT = 48;

    static Dhcp6Facts of(Dhcp6MessageView request, int replyType) {
        Dhcp6MessageView client = request.innermost();
        int[] arch = new int[Math.min(MAX_ARCH_TYPES, client.archTypeCount())];
        for (int i = 0; i < arch.length; i++) {
            arch[i] = client.archType(i);
        }
        int u = client.indexOf(OptionCodes.USER_CLASS);
        String userClass = u < 0 ? null : firstItem(client.buffer(), client.optionOffset(u), client.optionLength(u));
        int v = client.indexOf(OptionCodes.VENDOR_CLASS);
        String vendorClass = v < 0 || client.optionLength(v) < VendorClass.FIXED_LENGTH ? null
                : firstItem(client.buffer(), client.optionOffset(v) + VendorClass.FIXED_LENGTH,
                client.optionLength(v) - VendorClass.FIXED_LENGTH);
        return new Dhcp6Facts(client.messageType(), replyType, arch, userClass, vendorClass, client.clientDuidType());
    }

    /** The first item of a user/vendor class list (2 octets length, then data; RFC 9915 §21.15), printable ASCII. */
    private static String firstItem(ByteBuf buf, int offset, int length) {
        if (length < 2) {
            return null;
        }
        int itemLength = buf.getUnsignedShort(offset);
        if (itemLength > length - 2) {
            return null;                                        // the view validated it; stay safe anyway
        }
        String text = buf.toString(offset + 2, Math.min(itemLength, MAX_TEXT), StandardCharsets.US_ASCII);
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return clean.toString();
    }

    /** Whether the client is iPXE: user class "iPXE" is the only reliable sign (DESIGN.md). */
    boolean ipxe() {
        return "iPXE".equals(userClass);
    }

    /** Firmware sends a client architecture type; an installer or OS DHCPv6 client does not. */
    boolean firmware() {
        return !ipxe() && archTypes.length > 0;
    }

    /** The stage this message shows, or null when it shows none (an installed OS renewing, say). */
    BootStage stage() {
        return ipxe() ? BootStage.IPXE : firmware() ? BootStage.FIRMWARE : null;
    }

    /** {@code Solicit -> Advertise, arch EFI x86-64 (0x0007), vendor class "PXEClient:…", DUID-LLT}. */
    String describe() {
        StringBuilder out = new StringBuilder(96)
                .append(Dhcp6MessageType.valueOf(messageType).title())
                .append(" -> ").append(Dhcp6MessageType.valueOf(replyType).title());
        if (archTypes.length > 0) {
            out.append(", arch ");
            for (int i = 0; i < archTypes.length; i++) {
                String name = ArchitectureTypes.nameOf(archTypes[i]);
                out.append(i > 0 ? "/" : "").append(name == null ? "" : name + " ")
                        .append(String.format("(0x%04x)", archTypes[i]));
            }
        }
        if (userClass != null) {
            out.append(", user class \"").append(userClass).append('"');
        }
        if (vendorClass != null) {
            out.append(", vendor class \"").append(vendorClass).append('"');
        }
        if (duidType >= 0) {
            out.append(", ").append(duidName(duidType));
        }
        return out.toString();
    }

    private static String duidName(int type) {
        return switch (type) {
            case Duid.LLT -> "DUID-LLT";
            case Duid.EN -> "DUID-EN";
            case Duid.LL -> "DUID-LL";
            case Duid.UUID -> "DUID-UUID";
            default -> "DUID type " + type;
        };
    }
}
