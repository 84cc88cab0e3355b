/**
 * Reads radvd.conf (radvd.conf(5) of radvd 2.x) into {@link dev.ipv6boot.ndp.codec.RouterAdvertisement}s and
 * {@link dev.ipv6boot.ndp.sender.AdvertisingSettings}, so an operator can bring an existing radvd configuration.
 */
package dev.ipv6boot.ndp.config;
