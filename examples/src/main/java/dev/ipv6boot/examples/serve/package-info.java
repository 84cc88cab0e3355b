/**
 * The ipv6boot server: starts Router Advertisements, DHCPv6, the DNS forwarder and the HTTP/TFTP artifact servers
 * from one translated configuration, serves per-machine iPXE scripts and installer answers, and reloads without
 * dropping leases ({@code ipv6boot serve}, {@code reload}, {@code leases}).
 */
package dev.ipv6boot.examples.serve;
