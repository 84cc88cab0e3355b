package dev.ipv6boot.dhcp6.codec;

import dev.ipv6boot.dhcp6.catalog.OptionCatalog;
import dev.ipv6boot.dhcp6.catalog.OptionCodes;
import dev.ipv6boot.dhcp6.catalog.OptionFormat;
import dev.ipv6boot.dhcp6.codec.option.ClientLinkLayerAddress;
import dev.ipv6boot.dhcp6.codec.option.DomainList;
import dev.ipv6boot.dhcp6.codec.option.Duid;
import dev.ipv6boot.dhcp6.codec.option.ElapsedTime;
import dev.ipv6boot.dhcp6.codec.option.IaAddress;
import dev.ipv6boot.dhcp6.codec.option.IaNa;
import dev.ipv6boot.dhcp6.codec.option.IaPd;
import dev.ipv6boot.dhcp6.codec.option.IaPrefix;
import dev.ipv6boot.dhcp6.codec.option.IaTa;
import dev.ipv6boot.dhcp6.codec.option.NetworkInterfaceId;
import dev.ipv6boot.dhcp6.codec.option.Preference;
import dev.ipv6boot.dhcp6.codec.option.StatusCode;
import dev.ipv6boot.dhcp6.codec.option.VendorClass;
import dev.ipv6boot.dhcp6.codec.option.VendorOptions;
import io.netty.buffer.ByteBuf;

/**
 * Writes a wrapped message back through a {@link Dhcp6Writer}: field by field through the typed writer
 * methods where the option is known, recursing into relayed messages and encapsulated options, and copying
 * unknown options and opaque data byte for byte. A valid message re-encodes to its identical bytes, which is
 * how the tests hold the reader and the writer to each other; a relay agent or proxy can also use it to
 * forward a message it has inspected. Allocation-free.
 */
public final class Dhcp6Reencoder {

    private Dhcp6Reencoder() {
    }

    /**
     * Appends {@code view}'s message to the writer's current message (after {@link Dhcp6Writer#begin}; call
     * {@link Dhcp6Writer#finish()} afterwards). The view must be valid; its buffer is only read.
     */
    public static Dhcp6Writer write(Dhcp6MessageView view, Dhcp6Writer writer) {
        if (!view.isValid()) {
            throw new IllegalArgumentException("not a valid message: " + view.error());
        }
        ByteBuf buf = view.buffer();
        if (view.isRelay()) {
            writer.relayHeader(view.messageType(), view.hopCount(), view.linkAddressHigh(), view.linkAddressLow(),
                    view.peerAddressHigh(), view.peerAddressLow());
        } else {
            writer.header(view.messageType(), view.transactionId());
        }
        for (int i = 0; i < view.optionCount(); i++) {
            if (i == view.relayMessageIndex()) {
                writer.relayMessage();
                write(view.relayMessage(), writer);
                writer.endOption();
            } else {
                option(writer, buf, view.optionCode(i), view.optionOffset(i), view.optionLength(i));
            }
        }
        return writer;
    }

    private static void option(Dhcp6Writer w, ByteBuf buf, int code, int offset, int length) {
        OptionFormat format = OptionCatalog.formatOf(code);
        int end = offset + length;
        switch (code) {
            case OptionCodes.CLIENT_ID:
            case OptionCodes.SERVER_ID:
                duid(w, buf, code, offset, length);
                return;
            case OptionCodes.IA_NA:
                w.iaNa(IaNa.iaid(buf, offset), IaNa.t1(buf, offset), IaNa.t2(buf, offset));
                suboptions(w, buf, offset + IaNa.SUBOPTIONS_OFFSET, end, true);
                w.endOption();
                return;
            case OptionCodes.IA_TA:
                w.iaTa(IaTa.iaid(buf, offset));
                suboptions(w, buf, offset + IaTa.SUBOPTIONS_OFFSET, end, true);
                w.endOption();
                return;
            case OptionCodes.IA_PD:
                w.iaPd(IaPd.iaid(buf, offset), IaPd.t1(buf, offset), IaPd.t2(buf, offset));
                suboptions(w, buf, offset + IaPd.SUBOPTIONS_OFFSET, end, true);
                w.endOption();
                return;
            case OptionCodes.IA_ADDRESS:
                w.beginIaAddress(IaAddress.addressHigh(buf, offset), IaAddress.addressLow(buf, offset),
                        IaAddress.preferredLifetime(buf, offset), IaAddress.validLifetime(buf, offset));
                suboptions(w, buf, offset + IaAddress.SUBOPTIONS_OFFSET, end, true);
                w.endOption();
                return;
            case OptionCodes.IA_PREFIX:
                w.beginIaPrefix(IaPrefix.preferredLifetime(buf, offset), IaPrefix.validLifetime(buf, offset),
                        IaPrefix.prefixLength(buf, offset), IaPrefix.prefixHigh(buf, offset),
                        IaPrefix.prefixLow(buf, offset));
                suboptions(w, buf, offset + IaPrefix.SUBOPTIONS_OFFSET, end, true);
                w.endOption();
                return;
            case OptionCodes.PREFERENCE:
                w.preference(Preference.value(buf, offset));
                return;
            case OptionCodes.ELAPSED_TIME:
                w.elapsedTime(ElapsedTime.centiseconds(buf, offset));
                return;
            case OptionCodes.STATUS_CODE:
                w.statusCode(StatusCode.code(buf, offset), buf, StatusCode.messageOffset(offset),
                        StatusCode.messageLength(length));
                return;
            case OptionCodes.RAPID_COMMIT:
                w.rapidCommit();
                return;
            case OptionCodes.RECONFIGURE_ACCEPT:
                w.reconfigureAccept();
                return;
            case OptionCodes.VENDOR_CLASS:
                w.beginVendorClass(VendorClass.enterpriseNumber(buf, offset));
                items(w, buf, offset + VendorClass.FIXED_LENGTH, end);
                w.endOption();
                return;
            case OptionCodes.VENDOR_OPTIONS:
                w.beginVendorOptions(VendorOptions.enterpriseNumber(buf, offset));
                suboptions(w, buf, offset + VendorOptions.SUBOPTIONS_OFFSET, end, false);
                w.endOption();
                return;
            case OptionCodes.NII:
                w.nii(NetworkInterfaceId.type(buf, offset), NetworkInterfaceId.major(buf, offset),
                        NetworkInterfaceId.minor(buf, offset));
                return;
            case OptionCodes.CLIENT_LINKLAYER_ADDRESS: {
                long mac = ClientLinkLayerAddress.address48(buf, offset, length);
                if (mac >= 0) {
                    w.clientLinkLayerAddress(ClientLinkLayerAddress.linkLayerType(buf, offset), mac);
                } else {
                    w.option(code, buf, offset, length);
                }
                return;
            }
            default:
                break;
        }
        switch (format) {
            case UINT8:
            case MESSAGE_TYPE:
                w.uint8Option(code, buf.getUnsignedByte(offset));
                return;
            case UINT16:
            case CENTISECONDS16:
                w.uint16Option(code, buf.getUnsignedShort(offset));
                return;
            case UINT32:
            case SECONDS32:
                w.uint32Option(code, buf.getUnsignedInt(offset));
                return;
            case IPV6_ADDRESS:
                w.addressOption(code, buf.getLong(offset), buf.getLong(offset + 8));
                return;
            case IPV6_ADDRESS_LIST:
                w.beginOption(code);
                for (int p = offset; p < end; p += 16) {
                    w.address(buf.getLong(p), buf.getLong(p + 8));     // 16 octets per address
                }
                w.endOption();
                return;
            case OPTION_CODE_LIST:
            case ARCH_TYPE_LIST:
                w.beginOption(code);
                for (int p = offset; p < end; p += 2) {
                    w.uint16(buf.getUnsignedShort(p));                 // 2 octets per code or type
                }
                w.endOption();
                return;
            case USER_CLASS:
            case BOOT_PARAMETERS:
                w.beginOption(code);
                items(w, buf, offset, end);
                w.endOption();
                return;
            case DOMAIN_LIST:
                w.beginOption(code);
                for (int p = offset; p < end; ) {
                    int next = DomainList.nameEnd(buf, p, end);       // one name at a time, uncompressed
                    w.bytes(buf, p, next - p);
                    p = next;
                }
                w.endOption();
                return;
            case FQDN:
                w.beginOption(code).uint8(buf.getUnsignedByte(offset)).bytes(buf, offset + 1, length - 1).endOption();
                return;
            case ENTERPRISE_OPAQUE:
                w.beginOption(code).uint32(buf.getUnsignedInt(offset)).bytes(buf, offset + 4, length - 4).endOption();
                return;
            default:
                w.option(code, buf, offset, length);                   // opaque, text, unknown: as is
        }
    }

    private static void duid(Dhcp6Writer w, ByteBuf buf, int code, int offset, int length) {
        int type = Duid.type(buf, offset);
        long mac = Duid.ethernetAddress(buf, offset, length);
        if (type == Duid.LLT && mac >= 0) {
            w.beginOption(code).duidLlt(Duid.hardwareType(buf, offset), Duid.time(buf, offset), mac).endOption();
        } else if (type == Duid.LL && mac >= 0) {
            w.beginOption(code).duidLl(Duid.hardwareType(buf, offset), mac).endOption();
        } else if (type == Duid.UUID && length == 18) {
            w.beginOption(code).duidUuid(buf.getLong(offset + 2), buf.getLong(offset + 10)).endOption();
        } else {
            w.option(code, buf, offset, length);
        }
    }

    private static void suboptions(Dhcp6Writer w, ByteBuf buf, int from, int end, boolean typed) {
        for (int p = from; end - p >= 4; ) {
            int code = buf.getUnsignedShort(p);                        // 2 octets option-code, RFC 9915 §21.1
            int length = buf.getUnsignedShort(p + 2);                  // 2 octets option-len
            if (typed) {
                option(w, buf, code, p + 4, length);
            } else {
                w.option(code, buf, p + 4, length);
            }
            p += 4 + length;
        }
    }

    private static void items(Dhcp6Writer w, ByteBuf buf, int from, int end) {
        for (int p = from; end - p >= 2; ) {
            int itemLength = buf.getUnsignedShort(p);                  // 2 octets item length, RFC 9915 §21.15
            w.item(buf, p + 2, itemLength);
            p += 2 + itemLength;
        }
    }
}
