package dev.ipv6boot.examples.config;

/**
 * One machine: identified by its MAC (the identity DHCPv6, HTTP and the timeline share).
 *
 * @param mac      e.g. {@code 52:54:00:12:34:56}
 * @param hostname its name once installed
 * @param profile  the name of the profile it installs
 * @param address  a reserved address, or null for one from the pool
 */
public record MachineConfig(String mac, String hostname, String profile, String address) {
}
