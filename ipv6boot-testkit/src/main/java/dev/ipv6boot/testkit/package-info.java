/**
 * Test support shared by every ipv6boot module: reading the captured vectors, failing on leaked buffers,
 * and running real peers in network namespaces. Used in test scope (and by the {@code decode} tool).
 */
package dev.ipv6boot.testkit;
