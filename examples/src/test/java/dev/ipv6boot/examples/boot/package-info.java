/**
 * Real machines booting against ipv6boot: qemu (TCG) runs OVMF and iPXE on a bridged tap in a client network
 * namespace, and only {@code ipv6boot serve}, configured by the test, answers, over IPv6, from a server namespace.
 */
package dev.ipv6boot.examples.boot;
