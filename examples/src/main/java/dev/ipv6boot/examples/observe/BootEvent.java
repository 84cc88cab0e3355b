package dev.ipv6boot.examples.observe;

import java.time.Instant;

/**
 * One thing a machine did, as one of the services saw it.
 *
 * @param at     when the observer was told (its clock)
 * @param kind   which service and what
 * @param stage  the machine's stage after this event
 * @param detail human-readable facts: message type, architecture, path, size, duration, status
 */
public record BootEvent(Instant at, Kind kind, BootStage stage, String detail) {

    /** What happened. */
    public enum Kind {
        /** A Router Solicitation arrived. */
        ROUTER_SOLICITATION,
        /** A DHCPv6 message was answered. */
        DHCPV6,
        /** A DHCPv6 lease (address or prefix) was bound or extended. */
        LEASE,
        /** A file or rendered content was served over HTTP. */
        HTTP,
        /** A file was served over TFTP. */
        TFTP,
        /** Firmware asked again after a loader was fetched: the machine started another boot. */
        REBOOT
    }
}
