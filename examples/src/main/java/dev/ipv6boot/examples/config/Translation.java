package dev.ipv6boot.examples.config;

import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.server.Dhcp6ServerConfig;
import dev.ipv6boot.dns.DnsForwarderConfig;
import dev.ipv6boot.ndp.codec.RouterAdvertisement;
import dev.ipv6boot.ndp.sender.AdvertisingSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * An {@link Ipv6bootConfig} turned into the modules' own objects by {@link ConfigTranslator}, with every problem
 * found. A service that is turned off, or whose section has errors, is null (or empty).
 *
 * @param source        what was translated
 * @param dhcp6Policy   the compiled policy, or null
 * @param dhcp6Server   sockets, journal, salt and server MAC of the DHCPv6 server, or null
 * @param advertising   one Router Advertisement per interface (empty when RAs are off)
 * @param dns           the DNS forwarder, or null
 * @param http          the HTTP artifact server, or null
 * @param tftp          the TFTP server, or null
 * @param boot          machines and profiles for the per-machine scripts and answers (never null)
 * @param stateDirectory where the journal and the pid file live
 * @param problems      errors (nothing may start) and warnings, each placed in the YAML text
 */
public record Translation(Ipv6bootConfig source, Dhcp6Policy dhcp6Policy, Dhcp6ServerConfig dhcp6Server,
                          List<Advertising> advertising, DnsForwarderConfig dns, Artifacts http, Artifacts tftp,
                          BootCatalog boot, Path stateDirectory, List<ConfigProblem> problems) {

    public Translation {
        advertising = List.copyOf(advertising);
        problems = List.copyOf(problems);
    }

    /** Whether any problem is an error: then nothing should be started. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
    }

    /** What {@code RouterAdvertiser.start(interfaceName, advertisement, settings, listener)} takes. */
    public record Advertising(String interfaceName, RouterAdvertisement advertisement, AdvertisingSettings settings) {
    }

    /** Where an artifact server listens and what it serves. */
    public record Artifacts(Path root, List<InetSocketAddress> listen) {
        public Artifacts {
            listen = List.copyOf(listen);
        }
    }
}
