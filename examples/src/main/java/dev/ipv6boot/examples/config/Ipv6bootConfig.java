package dev.ipv6boot.examples.config;

import java.util.List;

/**
 * The whole configuration of one ipv6boot server: the site, then one section per service, then the machines and
 * the boot profiles they install. A missing section takes its defaults; {@code enabled: false} turns a service off.
 *
 * @param site      the boot server itself: interfaces, the address its URLs and DNS name, where it keeps state
 * @param ra        Router Advertisements (radvd's job)
 * @param dhcp6     the DHCPv6 server and its policy (dhcpd -6 / Kea's job)
 * @param dns       the DNS forwarder (unbound's job)
 * @param http      the HTTP artifact server (Apache's job)
 * @param tftp      the TFTP server (for UEFI PXE firmware loading iPXE)
 * @param admin     where {@code /status} and {@code /metrics} are served, and when a boot counts as stuck
 * @param profiles  what can be installed (kernel, initrd, installer answers)
 * @param machines  which machine gets which profile, by MAC
 */
public record Ipv6bootConfig(SiteConfig site, RaConfig ra, Dhcp6Config dhcp6, DnsConfig dns, HttpConfig http,
                             TftpConfig tftp, AdminConfig admin, List<ProfileConfig> profiles,
                             List<MachineConfig> machines) {

    public Ipv6bootConfig {
        site = site == null ? SiteConfig.DEFAULT : site;
        ra = ra == null ? RaConfig.DEFAULT : ra;
        dhcp6 = dhcp6 == null ? Dhcp6Config.DEFAULT : dhcp6;
        dns = dns == null ? DnsConfig.DEFAULT : dns;
        http = http == null ? HttpConfig.DEFAULT : http;
        tftp = tftp == null ? TftpConfig.DEFAULT : tftp;
        admin = admin == null ? AdminConfig.DEFAULT : admin;
        profiles = Lists.copy(profiles);
        machines = Lists.copy(machines);
    }
}
