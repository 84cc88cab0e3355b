package dev.ipv6boot.dhcp6.policy;

/**
 * Prefixes for IA_PD (RFC 9915 §21.21): {@code prefix} cut into prefixes of {@code delegatedLength} bits.
 */
public record PrefixPool(Ipv6Prefix prefix, int delegatedLength) {

    public PrefixPool {
        if (delegatedLength < prefix.length() || delegatedLength > 128 || delegatedLength - prefix.length() > 62) {
            throw new IllegalArgumentException("delegated length /" + delegatedLength + " does not fit " + prefix);
        }
    }

    /** How many prefixes the pool holds. */
    public long count() {
        return 1L << (delegatedLength - prefix.length());
    }

    /** The high 64 bits of prefix number {@code n}. */
    public long high(long n) {
        int shift = 128 - delegatedLength;
        return shift >= 64 ? prefix.high() | (n << (shift - 64)) : prefix.high() | (shift == 0 ? 0 : n >>> (64 - shift));
    }

    /** The low 64 bits of prefix number {@code n}. */
    public long low(long n) {
        int shift = 128 - delegatedLength;
        return shift >= 64 ? prefix.low() : prefix.low() | (n << shift);
    }

    @Override
    public String toString() {
        return prefix + " /" + delegatedLength;
    }
}
