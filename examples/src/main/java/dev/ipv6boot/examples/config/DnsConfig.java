package dev.ipv6boot.examples.config;

import java.util.List;
import java.util.Map;

/**
 * The DNS forwarder for the boot network.
 *
 * @param enabled        false turns it off
 * @param listen         socket addresses ({@code [2001:db8::1]:53}); defaults to the site address, port 53
 * @param upstreams      resolvers to forward to, tried in order with failover
 * @param accessControl  prefix to {@code allow}, {@code refuse} or {@code deny}, like unbound's access-control;
 *                       everything not listed except loopback is denied
 * @param hosts          local names answered directly (AAAA and PTR)
 * @param machineRecords true answers each configured machine's hostname with its leased address
 * @param dns64Prefix    a /96 for DNS64 (RFC 6147), or null
 * @param cacheEntries   the cache's size bound
 */
public record DnsConfig(Boolean enabled, List<String> listen, List<String> upstreams,
                        Map<String, String> accessControl, Map<String, String> hosts, Boolean machineRecords,
                        String dns64Prefix, Integer cacheEntries) {
    static final DnsConfig DEFAULT = new DnsConfig(null, null, null, null, null, null, null, null);

    public DnsConfig {
        enabled = enabled == null || enabled;
        listen = Lists.copy(listen);
        upstreams = Lists.copy(upstreams);
        accessControl = Lists.copy(accessControl);
        hosts = Lists.copy(hosts);
        machineRecords = machineRecords == null || machineRecords;
        cacheEntries = cacheEntries == null ? 100_000 : cacheEntries;
    }
}
