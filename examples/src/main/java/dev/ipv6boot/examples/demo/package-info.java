/**
 * {@code ipv6boot demo}: the whole boot server on the loopback without root or configuration, playing a captured
 * UEFI PXE client and a captured iPXE client against itself and printing each machine's boot timeline.
 */
package dev.ipv6boot.examples.demo;
