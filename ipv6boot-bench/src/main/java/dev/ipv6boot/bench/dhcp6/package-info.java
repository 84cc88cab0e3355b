/**
 * DHCPv6 codec benchmarks: ipv6boot's flyweight view and writer against the ONOS DHCPv6 codec
 * ({@code org.onlab.packet.DHCP6}) on the same captured packets.
 */
package dev.ipv6boot.bench.dhcp6;
