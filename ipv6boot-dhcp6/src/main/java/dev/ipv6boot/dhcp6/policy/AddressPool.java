package dev.ipv6boot.dhcp6.policy;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;

/**
 * A range of addresses for IA_NA, first and last included, within one /64 (the high 64 bits are shared), which
 * is what every real link is. Large pools are served by keyed hash, small ones by search (see the lease package).
 */
public record AddressPool(long high, long firstLow, long lastLow) {

    public AddressPool {
        if (Long.compareUnsigned(firstLow, lastLow) > 0) {
            throw new IllegalArgumentException("pool starts after it ends: " + Ipv6AddressFormat.toString(high, firstLow)
                    + " - " + Ipv6AddressFormat.toString(high, lastLow));
        }
    }

    /** Parses {@code "2001:db8::1:0 - 2001:db8::1:ffff"}. */
    public static AddressPool parse(String text) {
        int dash = text.indexOf(" - ");
        if (dash < 0) {
            Ipv6Prefix prefix = Ipv6Prefix.parse(text.trim());
            if (prefix.length() < 64) {
                throw new IllegalArgumentException("a pool lies within one /64: " + text);
            }
            return new AddressPool(prefix.high(), prefix.low(), prefix.low() | ~Ipv6Prefix.maskLow(prefix.length()));
        }
        long[] first = Ipv6Prefix.parseAddress(text.substring(0, dash));
        long[] last = Ipv6Prefix.parseAddress(text.substring(dash + 3));
        if (first[0] != last[0]) {
            throw new IllegalArgumentException("a pool lies within one /64: " + text);
        }
        return new AddressPool(first[0], first[1], last[1]);
    }

    /** The number of addresses minus one (so that a whole /64 fits an unsigned long). */
    public long sizeMinusOne() {
        return lastLow - firstLow;
    }

    /** Whether the address lies in the pool. */
    public boolean contains(long addressHigh, long addressLow) {
        return addressHigh == high && Long.compareUnsigned(addressLow, firstLow) >= 0
                && Long.compareUnsigned(addressLow, lastLow) <= 0;
    }

    @Override
    public String toString() {
        return Ipv6AddressFormat.toString(high, firstLow) + " - " + Ipv6AddressFormat.toString(high, lastLow);
    }
}
