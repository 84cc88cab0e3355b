package dev.ipv6boot.dhcp6.policy;

import java.util.List;

/**
 * One link's configuration: its prefix (matched against a relay's link-address, RFC 9915 §13.1), the interface
 * that reaches it directly (or {@code null}), its options and rule chains, and what it leases.
 *
 * @param prefix        the link's prefix
 * @param interfaceName the local interface clients reach it on without a relay, or {@code null}
 * @param options       options for every client of this link
 * @param chains        rule chains for this link, evaluated before the global ones
 * @param pools         IA_NA address pools (may be empty: stateless only)
 * @param prefixPools   IA_PD pools
 * @param reservations  fixed addresses
 * @param lifetimes     lease times
 */
public record SubnetPolicy(Ipv6Prefix prefix, String interfaceName, List<OptionSetting> options,
                           List<RuleChain> chains, List<AddressPool> pools, List<PrefixPool> prefixPools,
                           List<Reservation> reservations, Lifetimes lifetimes) {

    public SubnetPolicy {
        options = List.copyOf(options);
        chains = List.copyOf(chains);
        pools = List.copyOf(pools);
        prefixPools = List.copyOf(prefixPools);
        reservations = List.copyOf(reservations);
        for (AddressPool pool : pools) {
            if (!prefix.contains(pool.high(), pool.firstLow()) || !prefix.contains(pool.high(), pool.lastLow())) {
                throw new IllegalArgumentException("pool " + pool + " is not inside subnet " + prefix);
            }
        }
        for (Reservation r : reservations) {
            if (!prefix.contains(r.addressHigh(), r.addressLow())) {
                throw new IllegalArgumentException("reservation " + r + " is not inside subnet " + prefix);
            }
        }
    }

    /** Whether an address of this link (a reservation's, a pool's) is on it: RFC 9915 §18.3.3 NotOnLink. */
    public boolean onLink(long high, long low) {
        return prefix.contains(high, low);
    }
}
