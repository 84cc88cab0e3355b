package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * The boot server itself.
 *
 * @param interfaces     the boot network's interfaces; each service's own list defaults to this one
 * @param address        the server's global IPv6 address on the boot network: boot URLs, DNS server, local name
 * @param name           the server's DNS name, answered locally by the forwarder (e.g. {@code boot.example})
 * @param stateDirectory where the lease journal and other state live
 */
public record SiteConfig(List<String> interfaces, String address, String name, String stateDirectory) {
    static final SiteConfig DEFAULT = new SiteConfig(null, null, null, null);

    public SiteConfig {
        interfaces = Lists.copy(interfaces);
        stateDirectory = stateDirectory == null ? "/var/lib/ipv6boot" : stateDirectory;
    }
}
