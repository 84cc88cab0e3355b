package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * Router Advertisements, with radvd's meanings and defaults. iPXE runs DHCPv6 only when M or O is set; UEFI PXE
 * firmware solicits an address whatever they say.
 *
 * @param enabled        false leaves RAs to a router
 * @param interfaces     defaults to the site's
 * @param managed        the M flag: addresses from DHCPv6
 * @param otherConfig    the O flag: other configuration (DNS, boot URL) from DHCPv6
 * @param routerLifetime seconds; 0 advertises no default route
 * @param minInterval    seconds between unsolicited RAs, at least
 * @param maxInterval    seconds between unsolicited RAs, at most
 * @param prefixes       on-link /64s for SLAAC, e.g. {@code 2001:db8::/64}
 * @param rdnss          DNS servers (RFC 8106); defaults to the site address when DNS is enabled
 * @param dnssl          DNS search list
 * @param pref64         the NAT64 prefix (RFC 8781), e.g. {@code 64:ff9b::/96}
 * @param mtu            the link MTU to advertise, or null for none
 */
public record RaConfig(Boolean enabled, List<String> interfaces, Boolean managed, Boolean otherConfig,
                       Integer routerLifetime, Integer minInterval, Integer maxInterval, List<String> prefixes,
                       List<String> rdnss, List<String> dnssl, String pref64, Integer mtu) {
    static final RaConfig DEFAULT = new RaConfig(null, null, null, null, null, null, null, null, null, null, null,
            null);

    public RaConfig {
        enabled = enabled == null || enabled;
        interfaces = Lists.copy(interfaces);
        managed = managed != null && managed;
        otherConfig = otherConfig == null || otherConfig;
        routerLifetime = routerLifetime == null ? 1800 : routerLifetime;
        minInterval = minInterval == null ? 200 : minInterval;
        maxInterval = maxInterval == null ? 600 : maxInterval;
        prefixes = Lists.copy(prefixes);
        rdnss = Lists.copy(rdnss);
        dnssl = Lists.copy(dnssl);
    }
}
