package dev.ipv6boot.examples.config;

import java.util.List;
import java.util.Map;

/**
 * The DHCPv6 server and its policy. Options are named as in the option catalogue ({@code dns-servers},
 * {@code bootfile-url}, ... or a code); a value is a string, or a list for options that hold several.
 * Class expressions use Kea's classification language ({@code member('IPXE')}, {@code option[61].hex == 0x0007}).
 *
 * @param enabled       false turns the DHCPv6 server off
 * @param interfaces    where clients are on-link (multicast ff02::1:2); defaults to the site's
 * @param unicast       addresses relays send to; defaults to the site address
 * @param authoritative Preference 255: the only server on these links
 * @param classes       client classes by name, in addition to the built-in ones
 * @param options       sent to every client that asks for them
 * @param alwaysSend    option names sent even when the client's ORO does not ask for them
 * @param rules         first match wins; a rule without {@code when} is the else branch
 * @param subnets       links (by interface) and relayed links (by the relay's link-address) with their pools
 * @param ratePerClient messages per second answered per machine (0 for no limit)
 * @param receiveBuffer SO_RCVBUF in octets, sized for a boot storm
 * @param salt          32 hex digits shared by replicas so they hash machines to the same addresses
 */
public record Dhcp6Config(Boolean enabled, List<String> interfaces, List<String> unicast, Boolean authoritative,
                          Map<String, String> classes, Map<String, Object> options, List<String> alwaysSend,
                          List<RuleConfig> rules, List<SubnetConfig> subnets, Double ratePerClient,
                          Integer receiveBuffer, String salt) {
    static final Dhcp6Config DEFAULT = new Dhcp6Config(null, null, null, null, null, null, null, null, null, null,
            null, null);

    public Dhcp6Config {
        enabled = enabled == null || enabled;
        interfaces = Lists.copy(interfaces);
        unicast = Lists.copy(unicast);
        authoritative = authoritative != null && authoritative;
        classes = Lists.copy(classes);
        options = Lists.copy(options);
        alwaysSend = Lists.copy(alwaysSend);
        rules = Lists.copy(rules);
        subnets = Lists.copy(subnets);
        ratePerClient = ratePerClient == null ? 20 : ratePerClient;
        receiveBuffer = receiveBuffer == null ? 16 << 20 : receiveBuffer;
    }

    /**
     * One rule of a first-match chain.
     *
     * @param when    a class expression; null for the final else
     * @param options the options this rule sets
     */
    public record RuleConfig(String when, Map<String, Object> options) {
        public RuleConfig {
            options = Lists.copy(options);
        }
    }

    /**
     * A link with its address pools.
     *
     * @param prefix           the link's prefix, e.g. {@code 2001:db8::/64}
     * @param interfaceName    the interface the link is on (key {@code interface}); null for a relayed link
     * @param pools            address ranges ({@code 2001:db8::1:0 - 2001:db8::1:ffff}) or prefixes
     * @param prefixPools      prefixes delegated with IA_PD
     * @param reservations     fixed addresses by MAC or DUID
     * @param preferredLifetime seconds
     * @param validLifetime    seconds
     * @param options          options for this link only
     * @param rules            rules for this link only, tried before the global ones
     */
    public record SubnetConfig(String prefix, @com.fasterxml.jackson.annotation.JsonProperty("interface")
                               String interfaceName, List<String> pools, List<PrefixPoolConfig> prefixPools,
                               List<ReservationConfig> reservations, Integer preferredLifetime,
                               Integer validLifetime, Map<String, Object> options, List<RuleConfig> rules) {
        public SubnetConfig {
            pools = Lists.copy(pools);
            prefixPools = Lists.copy(prefixPools);
            reservations = Lists.copy(reservations);
            options = Lists.copy(options);
            rules = Lists.copy(rules);
        }
    }

    /** Prefixes of {@code delegatedLength} bits carved from {@code prefix}, delegated with IA_PD. */
    public record PrefixPoolConfig(String prefix, Integer delegatedLength) {
    }

    /** A fixed address for the machine with this MAC (or, without a MAC, this DUID in hex). */
    public record ReservationConfig(String mac, String duid, String address) {
    }
}
