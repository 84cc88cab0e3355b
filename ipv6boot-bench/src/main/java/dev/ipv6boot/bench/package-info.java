/**
 * JMH benchmarks of the hot paths, each beside a peer measured in the same run.
 */
package dev.ipv6boot.bench;
