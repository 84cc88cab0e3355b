/**
 * Operating the ipv6boot server: one boot timeline per machine (keyed by MAC) built from the four services'
 * listener events, stuck-stage detection, Prometheus metrics read from the modules' counters, the admin HTTP
 * endpoints {@code /status} and {@code /metrics}, and the {@code ipv6boot status} command that reads them.
 */
package dev.ipv6boot.examples.observe;
