/**
 * The {@code ipv6boot} configuration file: one YAML document mapped to typed records ({@link
 * dev.ipv6boot.examples.config.Ipv6bootConfig}), read by {@link dev.ipv6boot.examples.config.ConfigLoader} with the
 * line and column of every problem.
 */
package dev.ipv6boot.examples.config;
