package dev.ipv6boot.examples.importer;

import java.util.List;

/**
 * What {@link Dhcpd6ConfReader} understood of an ISC {@code dhcpd6.conf}, already in ipv6boot's terms: option
 * names from the option catalogue, conditions in Kea's classification language. Every element keeps its line.
 *
 * @param authoritative     the {@code authoritative;} statement
 * @param options           global options
 * @param chains            global {@code if / else if / else} statements, in file order
 * @param subnets           {@code subnet6} declarations
 * @param hosts             {@code host} declarations outside any subnet6
 * @param preferredLifetime global {@code preferred-lifetime}, or null
 * @param validLifetime     global {@code default-lease-time} (dhcpd's valid lifetime), or null
 * @param notes             what was not translated, and mistakes noticed while reading
 */
record Dhcpd6Conf(boolean authoritative, List<Setting> options, List<Chain> chains, List<Subnet> subnets,
                  List<Host> hosts, Integer preferredLifetime, Integer validLifetime, List<ImportNote> notes) {

    /** One {@code option NAME VALUE;}: {@code name} as the catalogue spells it, {@code values} one or several. */
    record Setting(String name, int code, List<String> values, int line) {
    }

    /** One branch of a chain: {@code when} is a Kea expression, null for the final {@code else}. */
    record Branch(String when, String dhcpdCondition, List<Setting> options, int line) {
    }

    record Chain(List<Branch> branches, int line) {
    }

    /** A pool as the config writes it ({@code "a - b"} or a prefix). */
    record Pool(String range, int line) {
    }

    record PrefixPool(String prefix, int delegatedLength, int line) {
    }

    record Host(String name, String mac, String address, int line) {
    }

    record Subnet(String prefix, int line, List<Pool> pools, List<PrefixPool> prefixPools, List<Host> hosts,
                  List<Setting> options, List<Chain> chains, Integer preferredLifetime, Integer validLifetime) {
    }
}
