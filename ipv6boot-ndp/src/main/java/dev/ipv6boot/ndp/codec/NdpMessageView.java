package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

/**
 * A reusable flyweight over one Router Solicitation, Router Advertisement or Neighbor Solicitation (RFC 4861
 * §4.1-4.3), as a raw ICMPv6 socket delivers it: from the ICMPv6 type byte, without the IPv6 header.
 * {@link #parse} validates the fixed header and walks the options once, recording where each starts; values are
 * read from the buffer on demand. Parsing allocates nothing.
 *
 * <p>Ownership: the view borrows the buffer. It neither retains nor releases it and never moves its indexes;
 * the accessors are valid until the next {@code parse} and only while the caller keeps the buffer alive and
 * unchanged. One view per thread.
 */
public final class NdpMessageView {
    public static final int ROUTER_SOLICITATION = 133;
    public static final int ROUTER_ADVERTISEMENT = 134;
    public static final int NEIGHBOR_SOLICITATION = 135;

    private final NdpLimits limits;
    private final int[] optionStarts;
    private ByteBuf buf;
    private int start;
    private int length;
    private int type;
    private int optionCount;

    public NdpMessageView() {
        this(NdpLimits.DEFAULT);
    }

    public NdpMessageView(NdpLimits limits) {
        this.limits = limits;
        this.optionStarts = new int[limits.maxOptions()];
    }

    /** Parses the readable bytes of {@code message}, assuming a source address other than the unspecified one. */
    public NdpStatus parse(ByteBuf message) {
        return parse(message, false);
    }

    /**
     * Parses the readable bytes of {@code message}. {@code fromUnspecifiedSource} says the IPv6 source was
     * {@code ::}, which forbids a source link-layer address option in solicitations (RFC 4861 §6.1.1, §7.1.1).
     */
    public NdpStatus parse(ByteBuf message, boolean fromUnspecifiedSource) {
        buf = null;
        optionCount = 0;
        int begin = message.readerIndex();
        int size = message.readableBytes();
        if (size < 4) {
            return NdpStatus.TRUNCATED;
        }
        int messageType = message.getUnsignedByte(begin);            // type, code, checksum: RFC 4443 §2.1
        int headerLength = switch (messageType) {
            case ROUTER_SOLICITATION -> 8;                              // + 4 reserved, RFC 4861 §4.1
            case ROUTER_ADVERTISEMENT -> 16;                            // + hop limit, flags, lifetime, 2 timers, §4.2
            case NEIGHBOR_SOLICITATION -> 24;                           // + 4 reserved, 16 target, §4.3
            default -> -1;
        };
        if (headerLength < 0) {
            return NdpStatus.UNSUPPORTED_TYPE;
        }
        if (message.getUnsignedByte(begin + 1) != 0) {
            return NdpStatus.BAD_CODE;
        }
        if (size < headerLength) {
            return NdpStatus.TRUNCATED;
        }
        if (size > limits.maxMessageLength()) {
            return NdpStatus.TOO_LONG;
        }
        int end = begin + size;
        int cursor = begin + headerLength;
        int count = 0;
        while (cursor < end) {
            if (end - cursor < 2) {
                return NdpStatus.OPTION_OVERRUNS_MESSAGE;
            }
            int optionType = message.getUnsignedByte(cursor);
            int units = message.getUnsignedByte(cursor + 1);           // length in 8-byte units, RFC 4861 §4.6
            if (units == 0) {
                return NdpStatus.ZERO_LENGTH_OPTION;
            }
            if (units * 8 > end - cursor) {
                return NdpStatus.OPTION_OVERRUNS_MESSAGE;
            }
            if (count == optionStarts.length) {
                return NdpStatus.TOO_MANY_OPTIONS;
            }
            if (!wellFormed(message, cursor, optionType, units)) {
                return NdpStatus.MALFORMED_OPTION;
            }
            if (fromUnspecifiedSource && optionType == NdpOptionType.SOURCE_LINK_LAYER_ADDRESS
                    && messageType != ROUTER_ADVERTISEMENT) {
                return NdpStatus.UNSPECIFIED_SOURCE_WITH_LINK_LAYER_ADDRESS;
            }
            optionStarts[count++] = cursor;
            cursor += units * 8;
        }
        buf = message;
        start = begin;
        length = size;
        type = messageType;
        optionCount = count;
        return NdpStatus.OK;
    }

    /** Length checks each option's RFC prescribes; a known option failing them invalidates the message. */
    private static boolean wellFormed(ByteBuf m, int at, int optionType, int units) {
        return switch (optionType) {
            case NdpOptionType.PREFIX_INFORMATION -> units == 4 && m.getUnsignedByte(at + 2) <= 128;
            case NdpOptionType.MTU -> units == 1;
            case NdpOptionType.ROUTE_INFORMATION -> {
                int prefixLength = m.getUnsignedByte(at + 2);          // RFC 4191 §2.3 length vs prefix length
                yield units <= 3 && prefixLength <= 128 && (prefixLength == 0 || units >= 2)
                        && (prefixLength <= 64 || units == 3);
            }
            case NdpOptionType.RECURSIVE_DNS_SERVER -> units >= 3 && units % 2 == 1;   // RFC 8106 §5.1
            case NdpOptionType.DNS_SEARCH_LIST -> units >= 2;                          // RFC 8106 §5.2
            case NdpOptionType.PREF64 -> units == 2;                                   // RFC 8781 §4
            default -> true;
        };
    }

    private void requireParsed() {
        if (buf == null) {
            throw new IllegalStateException("no successfully parsed message");
        }
    }

    /** ICMPv6 type: {@link #ROUTER_SOLICITATION}, {@link #ROUTER_ADVERTISEMENT} or {@link #NEIGHBOR_SOLICITATION}. */
    public int type() {
        requireParsed();
        return type;
    }

    public boolean isRouterSolicitation() {
        return buf != null && type == ROUTER_SOLICITATION;
    }

    public boolean isRouterAdvertisement() {
        return buf != null && type == ROUTER_ADVERTISEMENT;
    }

    public boolean isNeighborSolicitation() {
        return buf != null && type == NEIGHBOR_SOLICITATION;
    }

    /** Bytes of the whole message. */
    public int length() {
        requireParsed();
        return length;
    }

    /** The checksum as received (the kernel verifies it on raw ICMPv6 sockets, RFC 3542 §3.1). */
    public int checksum() {
        requireParsed();
        return buf.getUnsignedShort(start + 2);
    }

    // Router Advertisement header, RFC 4861 §4.2: byte 4 Cur Hop Limit, byte 5 M|O|H|Prf|P|Rsv,
    // bytes 6-7 Router Lifetime, 8-11 Reachable Time, 12-15 Retrans Timer.

    public int curHopLimit() {
        return raByte(4);
    }

    /** The RA's flags byte as received, reserved bits included. */
    public int flags() {
        return raByte(5);
    }

    public boolean managed() {
        return (flags() & RouterAdvertisement.MANAGED) != 0;
    }

    public boolean otherConfig() {
        return (flags() & RouterAdvertisement.OTHER_CONFIG) != 0;
    }

    public RouterPreference preference() {
        return RouterPreference.fromBits(flags() >>> 3);
    }

    public int routerLifetime() {
        requireType(ROUTER_ADVERTISEMENT);
        return buf.getUnsignedShort(start + 6);
    }

    public long reachableTime() {
        requireType(ROUTER_ADVERTISEMENT);
        return buf.getUnsignedInt(start + 8);
    }

    public long retransTimer() {
        requireType(ROUTER_ADVERTISEMENT);
        return buf.getUnsignedInt(start + 12);
    }

    /** High 64 bits of a Neighbor Solicitation's target address (bytes 8-15, RFC 4861 §4.3). */
    public long targetHigh() {
        requireType(NEIGHBOR_SOLICITATION);
        return buf.getLong(start + 8);
    }

    /** Low 64 bits of a Neighbor Solicitation's target address (bytes 16-23). */
    public long targetLow() {
        requireType(NEIGHBOR_SOLICITATION);
        return buf.getLong(start + 16);
    }

    private int raByte(int offset) {
        requireType(ROUTER_ADVERTISEMENT);
        return buf.getUnsignedByte(start + offset);
    }

    private void requireType(int wanted) {
        requireParsed();
        if (type != wanted) {
            throw new IllegalStateException("field of message type " + wanted + " read on type " + type);
        }
    }

    public int optionCount() {
        requireParsed();
        return optionCount;
    }

    public int optionType(int i) {
        return buf.getUnsignedByte(optionStart(i));
    }

    /** Absolute buffer index of option {@code i}'s type byte. */
    public int optionStart(int i) {
        requireParsed();
        if (i < 0 || i >= optionCount) {
            throw new IndexOutOfBoundsException("option " + i + " of " + optionCount);
        }
        return optionStarts[i];
    }

    /** Bytes of option {@code i}, header included. */
    public int optionLength(int i) {
        return buf.getUnsignedByte(optionStart(i) + 1) * 8;
    }

    /** Index of the first option of {@code optionType}, or -1. */
    public int firstOption(int optionType) {
        requireParsed();
        for (int i = 0; i < optionCount; i++) {
            if (buf.getUnsignedByte(optionStarts[i]) == optionType) {
                return i;
            }
        }
        return -1;
    }

    /** The first Ethernet source link-layer address (RFC 4861 §4.6.1) as 48 bits, or -1 when there is none. */
    public long sourceLinkLayerAddress() {
        int i = firstOption(NdpOptionType.SOURCE_LINK_LAYER_ADDRESS);
        if (i < 0 || optionLength(i) != SourceLinkLayerAddress.LENGTH) {
            return -1;
        }
        int at = optionStarts[i] + 2;
        return ((long) buf.getUnsignedShort(at) << 32) | buf.getUnsignedInt(at + 2);
    }

    /** The buffer being viewed, for decoders in this package. */
    ByteBuf buffer() {
        requireParsed();
        return buf;
    }

    int start() {
        return start;
    }
}
