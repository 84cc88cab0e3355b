package dev.ipv6boot.dhcp6.server;

/**
 * A per-client token bucket (Kea's and dhcpd's missing defence against a client stuck in a Solicit loop): each
 * client may send {@code burst} messages at once and {@code perSecond} on average. Clients are kept in a fixed
 * table indexed by a hash of their identity; two clients sharing a slot share a bucket, which can only make the
 * limit stricter for them, never unbounded. Allocation-free, single-threaded.
 */
public final class ClientRateLimiter {

    private final long[] keys;
    private final double[] tokens;
    private final long[] lastNanos;
    private final int mask;
    private final double perNano;
    private final double burst;

    /** @param slots table size (rounded up to a power of two); about twice the clients expected at once */
    public ClientRateLimiter(int slots, double perSecond, double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        int size = Integer.highestOneBit(Math.max(16, slots) - 1) << 1;
        this.keys = new long[size];
        this.tokens = new double[size];
        this.lastNanos = new long[size];
        this.mask = size - 1;
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        java.util.Arrays.fill(keys, Long.MIN_VALUE);
    }

    /** Whether client {@code key} may be answered at {@code nowNanos} (a monotonic clock); takes a token if so. */
    public boolean tryAcquire(long key, long nowNanos) {
        long h = key * 0x9e3779b97f4a7c15L;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        if (keys[slot] != key) {
            keys[slot] = key;                                    // a new client, or a colliding one taking over
            tokens[slot] = burst;
            lastNanos[slot] = nowNanos;
        }
        double t = Math.min(burst, tokens[slot] + (nowNanos - lastNanos[slot]) * perNano);
        lastNanos[slot] = nowNanos;
        if (t < 1) {
            tokens[slot] = t;
            return false;
        }
        tokens[slot] = t - 1;
        return true;
    }
}
