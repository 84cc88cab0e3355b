/**
 * The {@code ipv6boot} command line: {@code decode} today; the all-in-one boot server as the modules land.
 */
package dev.ipv6boot.examples;
