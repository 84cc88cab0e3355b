package dev.ipv6boot.ndp.sender;

import java.time.Duration;

/**
 * When the advertiser speaks, in radvd's terms (radvd.conf(5)) and RFC 4861 §6.2.1/§10 constants.
 *
 * @param minInterval                 MinRtrAdvInterval: shortest gap between periodic multicast RAs
 * @param maxInterval                 MaxRtrAdvInterval: longest gap; each gap is uniform in [min, max]
 * @param minDelayBetweenRas          MinDelayBetweenRAs: no two multicast RAs closer than this (3 s, RFC 4861 §10)
 * @param maxInitialAdvertisements    MAX_INITIAL_RTR_ADVERTISEMENTS: the first ones come faster (3)
 * @param maxInitialInterval          MAX_INITIAL_RTR_ADVERT_INTERVAL: gap cap during that fast start (16 s)
 * @param maxResponseDelay            MAX_RA_DELAY_TIME: a solicited RA waits uniform [0, this] (500 ms)
 * @param unicastResponsesPerSecond   solicited RAs sent unicast to the soliciting node (RFC 7772 §5.1) per second;
 *                                    solicitations beyond it are answered by the next multicast RA; 0 = never unicast
 * @param addSourceLinkLayerAddress   AdvSourceLLAddress: add the interface's MAC when the RA has none
 */
public record AdvertisingSettings(Duration minInterval, Duration maxInterval, Duration minDelayBetweenRas,
                                  int maxInitialAdvertisements, Duration maxInitialInterval, Duration maxResponseDelay,
                                  int unicastResponsesPerSecond, boolean addSourceLinkLayerAddress) {

    public AdvertisingSettings {
        if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0 || maxInterval.isZero()) {
            throw new IllegalArgumentException("need 0 <= MinRtrAdvInterval <= MaxRtrAdvInterval, max > 0: "
                    + minInterval + ", " + maxInterval);
        }
        if (minDelayBetweenRas.isNegative() || maxResponseDelay.isNegative() || maxInitialInterval.isNegative()) {
            throw new IllegalArgumentException("delays cannot be negative");
        }
        if (maxInitialAdvertisements < 0 || unicastResponsesPerSecond < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** radvd's defaults: MaxRtrAdvInterval 600 s, MinRtrAdvInterval 0.33 × max, MinDelayBetweenRAs 3 s. */
    public static AdvertisingSettings radvdDefaults() {
        return intervals(Duration.ofSeconds(198), Duration.ofSeconds(600));
    }

    /** radvd's defaults with the given Min/MaxRtrAdvInterval. */
    public static AdvertisingSettings intervals(Duration min, Duration max) {
        return new AdvertisingSettings(min, max, Duration.ofSeconds(3), 3, Duration.ofSeconds(16),
                Duration.ofMillis(500), 100, true);
    }

    public AdvertisingSettings withMinDelayBetweenRas(Duration delay) {
        return new AdvertisingSettings(minInterval, maxInterval, delay, maxInitialAdvertisements, maxInitialInterval,
                maxResponseDelay, unicastResponsesPerSecond, addSourceLinkLayerAddress);
    }

    public AdvertisingSettings withUnicastResponsesPerSecond(int perSecond) {
        return new AdvertisingSettings(minInterval, maxInterval, minDelayBetweenRas, maxInitialAdvertisements,
                maxInitialInterval, maxResponseDelay, perSecond, addSourceLinkLayerAddress);
    }

    public AdvertisingSettings withSourceLinkLayerAddress(boolean add) {
        return new AdvertisingSettings(minInterval, maxInterval, minDelayBetweenRas, maxInitialAdvertisements,
                maxInitialInterval, maxResponseDelay, unicastResponsesPerSecond, add);
    }
}
