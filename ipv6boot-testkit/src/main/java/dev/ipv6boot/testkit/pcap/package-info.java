/**
 * A reader for classic pcap files (not pcapng) with Ethernet, Linux cooked v1/v2, BSD loopback and raw IP
 * link types, down to the IPv6 transport payload. Tool and test code: it favours clarity over speed.
 */
package dev.ipv6boot.testkit.pcap;
