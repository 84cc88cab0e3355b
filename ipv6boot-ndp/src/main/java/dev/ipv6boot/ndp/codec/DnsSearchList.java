package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * DNS Search List option (RFC 8106 §5.2): 2 reserved bytes, lifetime (4 bytes), then domain names in DNS wire
 * form without compression (RFC 1035 §3.1), padded with zero bytes to a multiple of 8.
 */
public record DnsSearchList(long lifetime, List<String> domains) implements NdpOption {

    public DnsSearchList {
        RouterAdvertisement.checkU32("DNSSL lifetime", lifetime);
        domains = List.copyOf(domains);
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("DNSSL needs at least one domain");
        }
        int total = 0;
        for (String domain : domains) {
            total += wireLength(domain);
        }
        if (8 + total > 255 * 8) {
            throw new IllegalArgumentException("DNSSL longer than 2040 bytes: " + domains);
        }
    }

    @Override
    public int type() {
        return NdpOptionType.DNS_SEARCH_LIST;
    }

    @Override
    public int encodedLength() {
        int names = 0;
        for (int i = 0; i < domains.size(); i++) {
            names += wireLength(domains.get(i));
        }
        return (8 + names + 7) & ~7;
    }

    @Override
    public void writeTo(ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte(type());
        out.writeByte(0);               // length, set below once the names are written
        out.writeShort(0);              // reserved
        out.writeInt((int) lifetime);
        for (int i = 0; i < domains.size(); i++) {
            writeName(out, domains.get(i));
        }
        out.writeZero(-(out.writerIndex() - start) & 7);   // padding to 8 bytes, RFC 8106 §5.2
        out.setByte(start + 1, (out.writerIndex() - start) >>> 3);
    }

    /** Bytes of a name in wire form: one length byte per label, the labels, the root's zero byte. */
    static int wireLength(String domain) {
        String name = trimDot(domain);
        if (name.isEmpty()) {
            return 1;
        }
        int length = 2;                 // first label's length byte, root byte
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                int label = i - labelStart;
                if (label < 1 || label > 63) {
                    throw new IllegalArgumentException("bad label in domain name: " + domain);
                }
                labelStart = i + 1;
            } else {
                char c = name.charAt(i);
                if (c > 0x7e || c <= 0x20) {
                    throw new IllegalArgumentException("domain names here are ASCII: " + domain);
                }
            }
            length++;
        }
        if (length - 1 > 255) {
            throw new IllegalArgumentException("domain name longer than 255 bytes: " + domain);
        }
        return length - 1;
    }

    private static void writeName(ByteBuf out, String domain) {
        String name = trimDot(domain);
        int labelStart = 0;
        for (int i = 0; i <= name.length() && !name.isEmpty(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                out.writeByte(i - labelStart);
                for (int j = labelStart; j < i; j++) {
                    out.writeByte(name.charAt(j));
                }
                labelStart = i + 1;
            }
        }
        out.writeByte(0);
    }

    private static String trimDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
