package dev.ipv6boot.examples.config;

import dev.ipv6boot.preseed.BootProfile;
import dev.ipv6boot.preseed.Machine;
import dev.ipv6boot.preseed.ipxe.IpxeScript;
import dev.ipv6boot.preseed.net.MacAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP server renders per machine: the machines by MAC with their profiles, and the URL paths of their
 * iPXE scripts and installer answers. Immutable; a reload builds a new one.
 *
 * <p>Paths: {@value #IPXE_ENTRY} is the generic script every iPXE client is sent to by DHCPv6 (it chains to the
 * script named after the booting interface's MAC, {@code /ipxe/52-54-00-12-34-56.ipxe}); the d-i preseed of a
 * machine is at {@code /preseed/52-54-00-12-34-56.cfg}.
 *
 * @param baseUrl  {@code http://[2001:db8::1]} (with {@code :port} when not 80): what relative paths are resolved against
 * @param profiles by name, in file order
 * @param machines by MAC, in file order
 */
public record BootCatalog(String baseUrl, Map<String, BootProfile> profiles, Map<MacAddress, Machine> machines) {

    /** The path of the script the iPXE rule's boot URL names. */
    public static final String IPXE_ENTRY = "/ipxe/boot.ipxe";
    /** Per-machine scripts: {@code /ipxe/<mac as 52-54-00-12-34-56>.ipxe}. */
    public static final String IPXE_PER_MACHINE = "/ipxe/{mac}.ipxe";
    /** Per-machine d-i answers. */
    public static final String PRESEED_PER_MACHINE = "/preseed/{mac}.cfg";

    public BootCatalog {
        profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        machines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(machines));
    }

    /** No machines: every per-machine path is a 404. */
    public static BootCatalog empty(String baseUrl) {
        return new BootCatalog(baseUrl, Map.of(), Map.of());
    }

    /**
     * The generic entry script. Why chain by {@code ${netX/mac:hexhyp}} rather than guess the machine from the
     * request's source address: iPXE knows exactly which interface it booted from (netX) and its MAC, whereas the
     * address it connects from may be a SLAAC address, a DHCPv6 address (IA_NA, which maps to a lease) or, through
     * a proxy, neither; with several NICs only netX names the right one. The cost is one small extra request, and
     * this script is the same for every machine. iPXE expands {@code ${...}} settings in a command line before
     * running it (ipxe.org/scripting).
     */
    public String entryScript() {
        return IpxeScript.chainByMac(baseUrl + "/ipxe", "netX").render();
    }

    /** The machine whose MAC is written {@code 52-54-00-12-34-56} (iPXE's hexhyp) or with colons. */
    public Optional<Machine> machine(String macText) {
        return MacAddress.tryParse(macText).map(machines::get);
    }

    /** The iPXE script of the machine, or empty. */
    public Optional<String> ipxeScript(String macText) {
        return machine(macText).map(m -> m.ipxeScript().render());
    }

    /** The d-i preseed of the machine, or empty (unknown machine, or a Subiquity profile). */
    public Optional<String> preseed(String macText) {
        return machine(macText).filter(m -> m.profile().installer() == BootProfile.Installer.DEBIAN_INSTALLER)
                .map(m -> m.preseed().render());
    }

    /** The host names of the machines, for local DNS records. */
    public List<Machine> machineList() {
        return List.copyOf(machines.values());
    }
}
