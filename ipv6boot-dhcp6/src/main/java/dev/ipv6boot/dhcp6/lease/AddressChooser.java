package dev.ipv6boot.dhcp6.lease;

import dev.ipv6boot.dhcp6.policy.AddressPool;
import dev.ipv6boot.dhcp6.policy.PrefixPool;
import dev.ipv6boot.dhcp6.policy.Reservation;
import dev.ipv6boot.dhcp6.policy.SubnetPolicy;
import java.util.List;

/**
 * Chooses addresses and prefixes deterministically: candidate number {@code attempt} for a machine is
 * SipHash(salt; identity, IA ordinal, attempt) reduced into the pool, so every replica that shares the salt
 * offers the same address with no shared state (DESIGN.md). A candidate held by another machine, declined or
 * reserved for another machine is skipped by trying the next attempt; small, crowded pools fall back to a
 * scan from the last candidate. Reservations come first. Allocation-free.
 */
public final class AddressChooser {

    /** Hash attempts before a scan; with a pool at most half full, 32 misses in a row happen once in 2^32. */
    public static final int HASHED_ATTEMPTS = 32;
    /** The longest scan, bounding the work per message in a crowded pool. */
    public static final int MAX_SCAN = 65_536;

    private final long k0;
    private final long k1;

    /** @param salt 16 octets shared by the replicas that must agree; secret, so clients cannot aim at addresses */
    public AddressChooser(byte[] salt) {
        if (salt.length != 16) {
            throw new IllegalArgumentException("the salt is 16 octets");
        }
        long a = 0;
        long b = 0;
        for (int i = 0; i < 8; i++) {
            a = (a << 8) | (salt[i] & 0xff);
            b = (b << 8) | (salt[8 + i] & 0xff);
        }
        this.k0 = a;
        this.k1 = b;
    }

    /** The key that hashes DUIDs into identities (see {@link MachineIdentity#of}). */
    public long duidKey() {
        return k0 ^ Long.rotateLeft(k1, 17);
    }

    /** The low 64 bits of candidate {@code attempt} for (identity, ordinal) in {@code pool}. */
    public long candidate(AddressPool pool, long identity, int ordinal, int attempt) {
        long h = SipHash.hash(k0, k1, identity, ordinal, attempt);
        long size = pool.sizeMinusOne() + 1;                  // 0 means 2^64
        return pool.firstLow() + (size == 0 ? h : Long.remainderUnsigned(h, size));
    }

    /**
     * Fills {@code out}'s address and attempt for (identity, ordinal) in {@code subnet}: its reservation, or the
     * first free candidate from {@code firstAttempt} on.
     *
     * @return whether an address was found (false: NoAddrsAvail, RFC 9915 §21.13)
     */
    public boolean chooseAddress(SubnetPolicy subnet, LeaseStore store, long identity, long mac, int ordinal,
                                 int firstAttempt, long now, Lease out) {
        List<Reservation> reservations = subnet.reservations();
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            if (ordinal == 0 && mac >= 0 && r.mac() == mac) {
                out.high = r.addressHigh();
                out.low = r.addressLow();
                out.attempt = 0;
                return true;
            }
        }
        List<AddressPool> pools = subnet.pools();
        for (int p = 0; p < pools.size(); p++) {
            AddressPool pool = pools.get(p);
            long lastCandidate = pool.firstLow();
            for (int attempt = firstAttempt; attempt < firstAttempt + HASHED_ATTEMPTS; attempt++) {
                long low = candidate(pool, identity, ordinal, attempt);
                lastCandidate = low;
                if (free(subnet, store, pool.high(), low, identity, now)) {
                    out.high = pool.high();
                    out.low = low;
                    out.attempt = attempt;
                    return true;
                }
            }
            long size = pool.sizeMinusOne() + 1;
            long scan = size == 0 || Long.compareUnsigned(size, MAX_SCAN) > 0 ? MAX_SCAN : size;
            for (long i = 1; i < scan; i++) {
                long low = pool.firstLow() + (size == 0 ? lastCandidate - pool.firstLow() + i
                        : Long.remainderUnsigned(lastCandidate - pool.firstLow() + i, size));
                if (free(subnet, store, pool.high(), low, identity, now)) {
                    out.high = pool.high();
                    out.low = low;
                    out.attempt = firstAttempt + HASHED_ATTEMPTS;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean free(SubnetPolicy subnet, LeaseStore store, long high, long low, long identity, long now) {
        if (low == 0) {
            return false;                                          // the Subnet-Router anycast address, RFC 4291 §2.6.1
        }
        long holder = store.holderOf(Lease.ADDRESS, high, low, now);
        if (holder >= 0 && holder != identity) {
            return false;
        }
        List<Reservation> reservations = subnet.reservations();
        for (int i = 0; i < reservations.size(); i++) {
            Reservation r = reservations.get(i);
            if (r.addressHigh() == high && r.addressLow() == low) {
                return false;                                      // reserved for a machine (its own comes first)
            }
        }
        return true;
    }

    /** Fills {@code out}'s prefix for (identity, ordinal) from the subnet's prefix pools; false when none is free. */
    public boolean choosePrefix(SubnetPolicy subnet, LeaseStore store, long identity, int ordinal, int firstAttempt,
                                long now, Lease out) {
        List<PrefixPool> pools = subnet.prefixPools();
        for (int p = 0; p < pools.size(); p++) {
            PrefixPool pool = pools.get(p);
            long count = pool.count();
            for (int attempt = firstAttempt; attempt < firstAttempt + HASHED_ATTEMPTS; attempt++) {
                long n = Long.remainderUnsigned(SipHash.hash(k1, k0, identity, ordinal, attempt), count);
                long high = pool.high(n);
                long low = pool.low(n);
                long holder = store.holderOf(Lease.PREFIX, high, low, now);
                if (holder < 0 || holder == identity) {
                    out.high = high;
                    out.low = low;
                    out.prefixLength = pool.delegatedLength();
                    out.attempt = attempt;
                    return true;
                }
            }
        }
        return false;
    }
}
