package dev.ipv6boot.ndp.config;

import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.sender.AdvertisingSettings;

/**
 * One {@code interface NAME { ... };} block of radvd.conf.
 *
 * @param name            the interface
 * @param advertisement   the RA radvd would send there (without the source link-layer address, which the
 *                        advertiser adds when {@code settings.addSourceLinkLayerAddress()})
 * @param settings        timing and unicast behaviour
 * @param sendAdvert      AdvSendAdvert: radvd sends nothing on an interface where this is off
 * @param ignoreIfMissing IgnoreIfMissing
 */
public record RadvdInterface(String name, RouterAdvertisement advertisement, AdvertisingSettings settings,
                             boolean sendAdvert, boolean ignoreIfMissing) {
}
