/**
 * Makes a leaked Netty reference-counted object fail the test that leaked it, instead of a log line that
 * nobody reads. Active wherever the testkit is on the test class path (see the root pom's surefire setup).
 */
package dev.ipv6boot.testkit.leak;
