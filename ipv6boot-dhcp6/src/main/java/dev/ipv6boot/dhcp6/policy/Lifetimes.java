package dev.ipv6boot.dhcp6.policy;

/**
 * Lease times in seconds (RFC 9915 §7.7, §21.4): T1 and T2 tell the client when to Renew and Rebind; they
 * default to 0.5 and 0.8 of the preferred lifetime, as RFC 9915 §21.4 recommends.
 */
public record Lifetimes(long preferred, long valid, long t1, long t2) {

    /** 30 min preferred, 1 h valid: boot addresses are short-lived; the OS installer asks again. */
    public static final Lifetimes DEFAULT = of(1800, 3600);

    public Lifetimes {
        if (preferred < 0 || valid < preferred || valid > 0xffffffffL || t1 < 0 || t2 < t1 || t2 > preferred) {
            throw new IllegalArgumentException("lifetimes must satisfy 0 <= T1 <= T2 <= preferred <= valid < 2^32: "
                    + t1 + ", " + t2 + ", " + preferred + ", " + valid);
        }
    }

    public static Lifetimes of(long preferred, long valid) {
        return new Lifetimes(preferred, valid, preferred / 2, preferred * 4 / 5);
    }
}
