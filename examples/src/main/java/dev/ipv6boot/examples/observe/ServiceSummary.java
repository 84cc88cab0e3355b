package dev.ipv6boot.examples.observe;

import java.util.Map;

/**
 * One running service's totals, for {@code /status}.
 *
 * @param service          {@code dhcp6}, {@code ra}, {@code dns}, {@code http} or {@code tftp}
 * @param server           where it listens ({@code [::1]:547}) or its interface ({@code eth1})
 * @param received         messages, requests or datagrams received
 * @param answered         those answered
 * @param dropped          those dropped or refused, all reasons
 * @param droppedByReason  the non-zero reasons
 */
public record ServiceSummary(String service, String server, long received, long answered, long dropped,
                             Map<String, Long> droppedByReason) {
    public ServiceSummary {
        droppedByReason = Map.copyOf(droppedByReason);
    }
}
