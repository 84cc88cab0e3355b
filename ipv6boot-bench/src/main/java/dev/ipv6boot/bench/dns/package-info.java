/**
 * Benchmarks of ipv6boot-dns's per-query path (query view, cache lookup, response with the client's ID) beside
 * dnsjava doing the same work with {@code Message}, and {@link dev.ipv6boot.bench.dns.RunDnsForwarder}, the
 * forwarder as a process for the dnsperf comparison with unbound ({@code scripts/dns-dnsperf-vs-unbound.sh}).
 */
package dev.ipv6boot.bench.dns;
