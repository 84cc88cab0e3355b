package dev.ipv6boot.examples.observe;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /status} answers, as JSON: every machine's timeline and every service's totals.
 *
 * @param generatedAt            the server's time when it was made
 * @param stuckAfterSeconds      an unfinished boot without progress for longer is stuck
 * @param machines               ordered by MAC
 * @param services               one per running server
 * @param unattributedDownloads  HTTP/TFTP requests from addresses no machine is known by
 * @param unattributedDnsQueries DNS queries from addresses no machine is known by
 */
public record StatusReport(Instant generatedAt, long stuckAfterSeconds, List<MachineTimeline> machines,
                           List<ServiceSummary> services, long unattributedDownloads, long unattributedDnsQueries) {
    public StatusReport {
        machines = List.copyOf(machines);
        services = List.copyOf(services);
    }

    /** The report of {@code observer} and {@code metrics} (null: no service totals) now. */
    public static StatusReport of(BootObserver observer, ServerMetrics metrics) {
        return new StatusReport(observer.now(), observer.stuckAfter().toSeconds(), observer.machines(),
                metrics == null ? List.of() : metrics.summary(), observer.unattributedDownloads(),
                observer.unattributedDnsQueries());
    }

    /** How many machines are stuck. */
    public long stuckCount() {
        return machines.stream().filter(MachineTimeline::stuck).count();
    }
}
