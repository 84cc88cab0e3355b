package dev.ipv6boot.dhcp6.lease;

import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;

/**
 * One lease, mutable so that lookups fill a caller's instance instead of allocating one: an address (IA_NA) or
 * a prefix (IA_PD) bound to a machine identity (see {@link MachineIdentity}) and the ordinal of the IA in its
 * messages (0 for the first IA_NA), until {@code validUntil} (epoch seconds).
 */
public final class Lease {
    /** An IA_NA address (RFC 9915 §21.4). */
    public static final int ADDRESS = 0;
    /** An IA_PD prefix (RFC 9915 §21.21). */
    public static final int PREFIX = 1;

    int type;
    long identity;
    int ordinal;
    long iaid;
    long high;
    long low;
    int prefixLength;
    long validUntil;
    int attempt;

    public Lease set(int type, long identity, int ordinal, long iaid, long high, long low, int prefixLength,
                     long validUntil, int attempt) {
        this.type = type;
        this.identity = identity;
        this.ordinal = ordinal;
        this.iaid = iaid;
        this.high = high;
        this.low = low;
        this.prefixLength = prefixLength;
        this.validUntil = validUntil;
        this.attempt = attempt;
        return this;
    }

    public int type() {
        return type;
    }

    public long identity() {
        return identity;
    }

    public int ordinal() {
        return ordinal;
    }

    public long iaid() {
        return iaid;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public long validUntil() {
        return validUntil;
    }

    /** Which hash attempt produced the address: Decline moves a machine to the next one. */
    public int attempt() {
        return attempt;
    }

    @Override
    public String toString() {
        return (type == ADDRESS ? "address " : "prefix ") + Ipv6AddressFormat.toString(high, low)
                + (type == PREFIX ? "/" + prefixLength : "") + " for " + MachineIdentity.toString(identity)
                + " IA#" + ordinal + " iaid " + Long.toHexString(iaid) + " until " + validUntil + " attempt " + attempt;
    }
}
