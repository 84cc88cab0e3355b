package dev.ipv6boot.ndp.sender;

import dev.ipv6boot.ndp.codec.Ipv6Address;

/**
 * What the advertiser did, for an application correlating one machine's boot across services. Called on the
 * advertiser's threads: return quickly, never block.
 */
public interface RouterAdvertiserListener {
    RouterAdvertiserListener NONE = new RouterAdvertiserListener() {
    };

    /** A valid Router Solicitation arrived; {@code mac} is its source link-layer address or -1. */
    default void solicited(Ipv6Address source, long mac) {
    }

    /** An RA (all its parts, when split) went to {@code destination}, {@code ff02::1} for multicast. */
    default void advertised(Ipv6Address destination, boolean solicited) {
    }
}
