package dev.ipv6boot.examples.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one machine's boot, as {@code /status} serves it.
 *
 * @param mac            {@code 52:54:00:12:34:56}, or {@code duid#…} for a client that showed no MAC
 * @param hostname       the configured host name, or null
 * @param stage          how far the current boot has come
 * @param stageSince     when it reached that stage
 * @param firstSeen      the first event
 * @param lastSeen       the latest event of any kind (DNS queries included)
 * @param lastEvent      the latest timeline entry, as text
 * @param stuck          an unfinished boot that made no progress for longer than the configured time
 * @param boots          boots seen (firmware asking again after a loader was fetched starts another)
 * @param addresses      addresses known to be this machine's (leases, link-local, SLAAC), latest last
 * @param dnsQueries     DNS queries answered for it
 * @param dnsRejected    DNS queries refused or dropped (access control, malformed)
 * @param droppedEvents  timeline entries forgotten to keep the timeline bounded (oldest first)
 * @param events         the timeline, oldest first
 */
public record MachineTimeline(String mac, String hostname, BootStage stage, Instant stageSince, Instant firstSeen,
                              Instant lastSeen, String lastEvent, boolean stuck, int boots, List<String> addresses,
                              long dnsQueries, long dnsRejected, long droppedEvents, List<BootEvent> events) {

    public MachineTimeline {
        addresses = List.copyOf(addresses);
        events = List.copyOf(events);
    }

    /** Why the machine is stuck ("at kernel for 17 min, still waiting for the initrd"), or null when it is not. */
    public String stuckReason(Instant now) {
        if (!stuck) {
            return null;
        }
        return "at " + stage.label() + " for " + Duration.between(stageSince, now).toMinutes() + " min, still waiting for "
                + stage.waitingFor();
    }
}
