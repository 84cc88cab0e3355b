package dev.ipv6boot.ndp.sender;

import java.util.Map;

/**
 * A snapshot of what an advertiser received, answered and dropped.
 *
 * @param solicitations        valid Router Solicitations received
 * @param answeredUnicast      solicitations answered by a unicast RA (RFC 7772)
 * @param answeredByMulticast  solicitations left to the next multicast RA (unspecified source, or over the unicast rate)
 * @param multicastAdvertisements  multicast RAs sent, periodic and solicited (each split part counted once)
 * @param unicastAdvertisements    unicast RAs sent
 * @param sendErrors           sends the kernel refused
 * @param receiveErrors        receives that failed (the advertiser keeps listening)
 * @param drops                messages dropped, by reason ({@code hop-limit}, {@code not-a-solicitation}, or an
 *                             {@link dev.ipv6boot.ndp.codec.NdpStatus} name)
 */
public record RouterAdvertiserCounters(long solicitations, long answeredUnicast, long answeredByMulticast,
                                       long multicastAdvertisements, long unicastAdvertisements, long sendErrors,
                                       long receiveErrors, Map<String, Long> drops) {
    public RouterAdvertiserCounters {
        drops = Map.copyOf(drops);
    }

    public long dropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
