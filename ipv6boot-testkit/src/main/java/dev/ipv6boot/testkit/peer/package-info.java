/**
 * Support for peer tests: real, independently written programs (dhclient, rdisc6, dig, curl, ...) run
 * against our servers inside network namespaces that the test creates and removes. Such tests carry the
 * {@link dev.ipv6boot.testkit.peer.PeerTest} tag; they skip with a reason when root or a program is
 * missing, except under {@code CI=true}, where a missing peer fails the test.
 */
package dev.ipv6boot.testkit.peer;
