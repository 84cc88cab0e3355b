package dev.ipv6boot.ndp.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Router Advertisement (RFC 4861 §4.2), immutable: built with {@link #builder()}, read with
 * {@link #read(ByteBuf)}, written with {@link #writeTo(ByteBuf)}.
 *
 * <pre>{@code
 * RouterAdvertisement ra = RouterAdvertisement.builder()
 *         .otherConfig(true)
 *         .routerLifetime(180)
 *         .option(PrefixInformation.slaac(Ipv6Address.parse("2001:db8::"), 64))
 *         .option(new RecursiveDnsServers(60, List.of(Ipv6Address.parse("2001:db8::1"))))
 *         .build();
 * }</pre>
 *
 * Options keep the order they were added or received in, duplicates included.
 */
public final class RouterAdvertisement {
    /** Managed address configuration, RFC 4861 §4.2. */
    public static final int MANAGED = 0x80;
    /** Other configuration, RFC 4861 §4.2. */
    public static final int OTHER_CONFIG = 0x40;
    /** Home agent, RFC 6275 §7.1. */
    public static final int HOME_AGENT = 0x20;
    /** Default router preference, two bits, RFC 4191 §2.2. */
    public static final int PREFERENCE_MASK = 0x18;
    /** Neighbor Discovery proxy, RFC 4389 §4.1.3.3. */
    public static final int PROXY = 0x04;
    /** Bytes before the options. */
    public static final int HEADER_LENGTH = 16;
    /** Bytes an IPv6 header takes from the link MTU. */
    private static final int IPV6_HEADER_LENGTH = 40;

    private final int curHopLimit;
    private final int flags;
    private final int routerLifetime;
    private final long reachableTime;
    private final long retransTimer;
    private final List<NdpOption> options;
    private final int encodedLength;

    private RouterAdvertisement(Builder b, int encodedLength) {
        this.curHopLimit = b.curHopLimit;
        this.flags = b.flags;
        this.routerLifetime = b.routerLifetime;
        this.reachableTime = b.reachableTime;
        this.retransTimer = b.retransTimer;
        this.options = List.copyOf(b.options);
        this.encodedLength = encodedLength;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().curHopLimit(curHopLimit).flags(flags).routerLifetime(routerLifetime)
                .reachableTime(reachableTime).retransTimer(retransTimer);
        b.options.addAll(options);
        return b;
    }

    /**
     * The RA a router sends when it stops advertising: router lifetime 0 (RFC 4861 §6.2.5), and the DNS servers
     * and search list with lifetime 0, which RFC 8106 §5.1/§5.2 defines as "no longer valid", so hosts drop a
     * resolver that is going away (radvd's FlushRDNSS and FlushDNSSL, both on by default). Prefixes are left as
     * they are: addresses already formed stay usable until they expire, as with radvd's default.
     */
    public RouterAdvertisement finalAdvertisement() {
        Builder b = toBuilder().routerLifetime(0);
        b.options.clear();
        for (NdpOption option : options) {
            if (option instanceof RecursiveDnsServers rdnss) {
                b.options.add(new RecursiveDnsServers(0, rdnss.servers()));
            } else if (option instanceof DnsSearchList dnssl) {
                b.options.add(new DnsSearchList(0, dnssl.domains()));
            } else {
                b.options.add(option);
            }
        }
        return b.build();
    }

    /**
     * Reads the RA in the readable bytes of {@code message} (from the ICMPv6 type byte). Borrows the buffer:
     * neither its indexes nor its reference count change.
     *
     * @throws NdpFormatException when the message is not a valid RA
     */
    public static RouterAdvertisement read(ByteBuf message) throws NdpFormatException {
        // Every option takes at least 8 bytes: size the view's index to this message, not to the default cap.
        int maxOptions = Math.min(NdpLimits.DEFAULT.maxOptions(), Math.max(1, message.readableBytes() / 8));
        NdpMessageView view = new NdpMessageView(new NdpLimits(NdpLimits.DEFAULT.maxMessageLength(), maxOptions));
        NdpStatus status = view.parse(message);
        if (status != NdpStatus.OK) {
            throw new NdpFormatException(status, "not a valid Router Advertisement");
        }
        return from(view);
    }

    /** Decodes the RA a view has successfully parsed into values (this allocates; the view does not). */
    public static RouterAdvertisement from(NdpMessageView view) throws NdpFormatException {
        if (!view.isRouterAdvertisement()) {
            throw new NdpFormatException(NdpStatus.UNSUPPORTED_TYPE, "the view holds no Router Advertisement");
        }
        Builder b = builder().curHopLimit(view.curHopLimit()).flags(view.flags())
                .routerLifetime(view.routerLifetime()).reachableTime(view.reachableTime())
                .retransTimer(view.retransTimer());
        ByteBuf m = view.buffer();
        for (int i = 0; i < view.optionCount(); i++) {
            b.option(decodeOption(m, view.optionStart(i), view.optionType(i), view.optionLength(i)));
        }
        return b.build();
    }

    private static NdpOption decodeOption(ByteBuf m, int at, int type, int length) throws NdpFormatException {
        switch (type) {
            case NdpOptionType.SOURCE_LINK_LAYER_ADDRESS:
                if (length == SourceLinkLayerAddress.LENGTH) {
                    return new SourceLinkLayerAddress(((long) m.getUnsignedShort(at + 2) << 32) | m.getUnsignedInt(at + 4));
                }
                break;
            case NdpOptionType.MTU:
                return new MtuOption(m.getUnsignedInt(at + 4));
            case NdpOptionType.PREFIX_INFORMATION:
                // 1 prefix length, 1 flags, 4 valid, 4 preferred, 4 reserved, 16 prefix: RFC 4861 §4.6.2
                return new PrefixInformation(Ipv6Address.read(m, at + 16), m.getUnsignedByte(at + 2),
                        m.getUnsignedByte(at + 3), m.getUnsignedInt(at + 4), m.getUnsignedInt(at + 8));
            case NdpOptionType.ROUTE_INFORMATION: {
                // 1 prefix length, 1 flags (Prf in bits 3-4), 4 lifetime, 0/8/16 prefix: RFC 4191 §2.3
                long high = length >= 16 ? m.getLong(at + 8) : 0;
                long low = length == 24 ? m.getLong(at + 16) : 0;
                return new RouteInformation(new Ipv6Address(high, low), m.getUnsignedByte(at + 2),
                        RouterPreference.fromBits(m.getUnsignedByte(at + 3) >>> 3), m.getUnsignedInt(at + 4));
            }
            case NdpOptionType.RECURSIVE_DNS_SERVER: {
                // 2 reserved, 4 lifetime, 16 per address: RFC 8106 §5.1
                List<Ipv6Address> servers = new ArrayList<>((length - 8) / 16);
                for (int p = at + 8; p < at + length; p += 16) {
                    servers.add(Ipv6Address.read(m, p));
                }
                return new RecursiveDnsServers(m.getUnsignedInt(at + 4), servers);
            }
            case NdpOptionType.DNS_SEARCH_LIST:
                return new DnsSearchList(m.getUnsignedInt(at + 4), readNames(m, at + 8, at + length));
            case NdpOptionType.PREF64: {
                int field = m.getUnsignedShort(at + 2);                // scaled lifetime 13 bits | PLC 3 bits
                int prefixLength = Pref64.lengthOfCode(field & 7);
                if (prefixLength > 0) {
                    Ipv6Address prefix = new Ipv6Address(m.getLong(at + 4), (long) m.getInt(at + 12) << 32);
                    return new Pref64(prefix, prefixLength, (field >>> 3) * 8);
                }
                break;                                                 // unassigned code: RFC 8781 §4 says ignore
            }
            case NdpOptionType.CAPTIVE_PORTAL: {
                int end = at + length;
                while (end > at + 2 && m.getByte(end - 1) == 0) {
                    end--;                                             // NUL padding, RFC 8910 §2.3
                }
                String uri = m.toString(at + 2, end - at - 2, StandardCharsets.US_ASCII);
                try {
                    return new CaptivePortal(uri);
                } catch (IllegalArgumentException notPrintable) {
                    break;
                }
            }
            default:
                break;
        }
        byte[] body = new byte[length - 2];
        m.getBytes(at + 2, body);
        return new UnknownOption(type, body);
    }

    /** Uncompressed names (RFC 8106 §5.2) up to {@code end}; a zero byte where a name would begin starts padding. */
    private static List<String> readNames(ByteBuf m, int from, int end) throws NdpFormatException {
        List<String> names = new ArrayList<>();
        int p = from;
        while (p < end && m.getByte(p) != 0) {
            StringBuilder name = new StringBuilder();
            while (true) {
                if (p >= end) {
                    throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, "DNSSL name runs past the option");
                }
                int label = m.getUnsignedByte(p++);
                if (label == 0) {
                    break;
                }
                if (label > 63 || p + label > end) {
                    throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, "DNSSL label of " + label + " bytes");
                }
                if (name.length() > 0) {
                    name.append('.');
                }
                for (int i = 0; i < label; i++) {
                    char c = (char) m.getUnsignedByte(p + i);
                    if (c <= 0x20 || c > 0x7e || c == '.') {
                        throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, "DNSSL label byte " + (int) c);
                    }
                    name.append(c);
                }
                p += label;
            }
            names.add(name.toString());
        }
        for (; p < end; p++) {
            if (m.getByte(p) != 0) {
                throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, "DNSSL padding is not zero");
            }
        }
        if (names.isEmpty()) {
            throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, "DNSSL without a domain name");
        }
        try {
            new DnsSearchList(0, names);
        } catch (IllegalArgumentException e) {
            throw new NdpFormatException(NdpStatus.MALFORMED_OPTION, e.getMessage());
        }
        return names;
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedLength() {
        return encodedLength;
    }

    /**
     * Writes the message at the writer index of {@code out} with a zero checksum, which the kernel fills in on a
     * raw ICMPv6 socket (RFC 3542 §3.1). Allocates nothing; {@code out} grows as needed.
     */
    public void writeTo(ByteBuf out) {
        out.ensureWritable(encodedLength);
        out.writeByte(NdpMessageView.ROUTER_ADVERTISEMENT);
        out.writeByte(0);                   // code
        out.writeShort(0);                  // checksum, filled by the kernel
        out.writeByte(curHopLimit);
        out.writeByte(flags);
        out.writeShort(routerLifetime);
        out.writeInt((int) reachableTime);
        out.writeInt((int) retransTimer);
        for (int i = 0; i < options.size(); i++) {
            options.get(i).writeTo(out);
        }
    }

    /**
     * This RA as one or more RAs that each fit a link of {@code linkMtu} bytes with their IPv6 header, since ND
     * messages must never be fragmented (RFC 6980 §5). As RFC 4861 §6.2.3 allows, prefix, route, DNS and unknown
     * options are spread over the messages in order; the other options (link-layer address, MTU, PREF64, captive
     * portal) are repeated in every one.
     *
     * @throws IllegalArgumentException when even one option cannot fit beside the repeated ones
     */
    public List<RouterAdvertisement> splitForMtu(int linkMtu) {
        int budget = linkMtu - IPV6_HEADER_LENGTH;
        if (encodedLength() <= budget) {
            return List.of(this);
        }
        List<NdpOption> repeated = new ArrayList<>();
        List<NdpOption> spread = new ArrayList<>();
        int fixed = HEADER_LENGTH;
        for (NdpOption option : options) {
            if (option instanceof PrefixInformation || option instanceof RouteInformation
                    || option instanceof RecursiveDnsServers || option instanceof DnsSearchList
                    || option instanceof UnknownOption) {
                spread.add(option);
            } else {
                repeated.add(option);
                fixed += option.encodedLength();
            }
        }
        if (fixed > budget) {
            throw new IllegalArgumentException("the header and the options repeated in every RA (" + fixed
                    + " bytes) do not fit a " + linkMtu + "-byte link");
        }
        List<RouterAdvertisement> parts = new ArrayList<>();
        List<NdpOption> current = new ArrayList<>();
        int size = fixed;
        for (NdpOption option : spread) {
            if (fixed + option.encodedLength() > budget) {
                throw new IllegalArgumentException("option " + option + " does not fit a " + linkMtu + "-byte link");
            }
            if (size + option.encodedLength() > budget) {
                parts.add(withOptions(current, repeated));
                current = new ArrayList<>();
                size = fixed;
            }
            current.add(option);
            size += option.encodedLength();
        }
        parts.add(withOptions(current, repeated));
        return List.copyOf(parts);
    }

    private RouterAdvertisement withOptions(List<NdpOption> spread, List<NdpOption> repeated) {
        Builder b = toBuilder();
        b.options.clear();
        b.options.addAll(spread);
        b.options.addAll(repeated);
        return b.build();
    }

    public int curHopLimit() {
        return curHopLimit;
    }

    /** The flags byte, reserved bits included. */
    public int flags() {
        return flags;
    }

    public boolean managed() {
        return (flags & MANAGED) != 0;
    }

    public boolean otherConfig() {
        return (flags & OTHER_CONFIG) != 0;
    }

    public boolean homeAgent() {
        return (flags & HOME_AGENT) != 0;
    }

    public boolean proxy() {
        return (flags & PROXY) != 0;
    }

    public RouterPreference preference() {
        return RouterPreference.fromBits(flags >>> 3);
    }

    /** Seconds this router may be used as a default router; 0 means "not a default router". */
    public int routerLifetime() {
        return routerLifetime;
    }

    /** Milliseconds, 0 for unspecified. */
    public long reachableTime() {
        return reachableTime;
    }

    /** Milliseconds, 0 for unspecified. */
    public long retransTimer() {
        return retransTimer;
    }

    public List<NdpOption> options() {
        return options;
    }

    /** Every option of the given kind, in wire order. */
    public <T extends NdpOption> List<T> options(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (NdpOption option : options) {
            if (kind.isInstance(option)) {
                found.add(kind.cast(option));
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouterAdvertisement that && curHopLimit == that.curHopLimit && flags == that.flags
                && routerLifetime == that.routerLifetime && reachableTime == that.reachableTime
                && retransTimer == that.retransTimer && options.equals(that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(curHopLimit, flags, routerLifetime, reachableTime, retransTimer, options);
    }

    @Override
    public String toString() {
        return "RouterAdvertisement[curHopLimit=" + curHopLimit + ", flags=0x" + Integer.toHexString(flags)
                + ", routerLifetime=" + routerLifetime + ", reachableTime=" + reachableTime
                + ", retransTimer=" + retransTimer + ", options=" + options + "]";
    }

    static void checkU32(String what, long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(what + " is an unsigned 32-bit number: " + value);
        }
    }

    /** Collects the fields of a {@link RouterAdvertisement}; defaults are radvd's (hop limit 64, lifetime 1800). */
    public static final class Builder {
        private int curHopLimit = 64;
        private int flags;
        private int routerLifetime = 1800;
        private long reachableTime;
        private long retransTimer;
        private final List<NdpOption> options = new ArrayList<>();

        private Builder() {
        }

        public Builder curHopLimit(int hops) {
            if (hops < 0 || hops > 255) {
                throw new IllegalArgumentException("hop limit is one byte: " + hops);
            }
            curHopLimit = hops;
            return this;
        }

        /** Sets the whole flags byte, reserved bits included. */
        public Builder flags(int value) {
            if ((value & ~0xff) != 0) {
                throw new IllegalArgumentException("flags are one byte: " + value);
            }
            flags = value;
            return this;
        }

        public Builder managed(boolean on) {
            return flag(MANAGED, on);
        }

        public Builder otherConfig(boolean on) {
            return flag(OTHER_CONFIG, on);
        }

        public Builder homeAgent(boolean on) {
            return flag(HOME_AGENT, on);
        }

        public Builder proxy(boolean on) {
            return flag(PROXY, on);
        }

        public Builder preference(RouterPreference preference) {
            flags = (flags & ~PREFERENCE_MASK) | (preference.bits() << 3);
            return this;
        }

        private Builder flag(int bit, boolean on) {
            flags = on ? flags | bit : flags & ~bit;
            return this;
        }

        /** Seconds, 0..65535 (RFC 8319 §4 lifted RFC 4861's 9000-second cap). */
        public Builder routerLifetime(int seconds) {
            if (seconds < 0 || seconds > 0xffff) {
                throw new IllegalArgumentException("router lifetime is 0..65535 s: " + seconds);
            }
            routerLifetime = seconds;
            return this;
        }

        public Builder reachableTime(long millis) {
            checkU32("reachable time", millis);
            reachableTime = millis;
            return this;
        }

        public Builder retransTimer(long millis) {
            checkU32("retrans timer", millis);
            retransTimer = millis;
            return this;
        }

        /** Appends an option after those already added. */
        public Builder option(NdpOption option) {
            options.add(Objects.requireNonNull(option));
            return this;
        }

        public RouterAdvertisement build() {
            int length = HEADER_LENGTH;
            for (NdpOption option : options) {
                length += option.encodedLength();
            }
            if (length > 65535 - 8) {
                throw new IllegalArgumentException("RA of " + length + " bytes cannot be sent even split");
            }
            return new RouterAdvertisement(this, length);
        }
    }
}
