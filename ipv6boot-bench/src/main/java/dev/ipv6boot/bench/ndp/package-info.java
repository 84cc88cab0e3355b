/**
 * Benchmarks of ipv6boot-ndp's Router Advertisement / Router Solicitation codec (RFC 4861) beside ONOS's
 * {@code org.onlab.packet.ndp} codec, measured in the same run.
 */
package dev.ipv6boot.bench.ndp;
