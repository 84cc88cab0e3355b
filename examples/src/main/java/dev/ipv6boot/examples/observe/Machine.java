package dev.ipv6boot.examples.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One machine's mutable boot state, guarded by its {@link BootObserver}'s lock. */
final class Machine {
    static final int MAX_ADDRESSES = 8;

    final String mac;
    BootStage stage = BootStage.SEEN;
    Instant stageSince;
    final Instant firstSeen;
    Instant lastSeen;
    int boots;
    long dnsQueries;
    long dnsRejected;
    long droppedEvents;
    private final int maxEvents;
    private final ArrayDeque<BootEvent> events;
    private final LinkedHashSet<String> addresses = new LinkedHashSet<>();

    Machine(String mac, Instant now, int maxEvents) {
        this.mac = mac;
        this.firstSeen = now;
        this.lastSeen = now;
        this.stageSince = now;
        this.maxEvents = maxEvents;
        this.events = new ArrayDeque<>(Math.min(maxEvents, 16));
    }

    /**
     * Adds an event showing {@code shows} (null: no stage) and moves the stage on.
     *
     * @return whether the stage changed
     */
    boolean record(Instant now, BootEvent.Kind kind, BootStage shows, String detail) {
        lastSeen = now;
        BootStage before = stage;
        if (shows == BootStage.FIRMWARE && stage.compareTo(BootStage.LOADER) >= 0) {
            // Firmware asking again once a loader was fetched: a reboot, a retry by another firmware path
            // (PXE then HTTP Boot), or an installer that rebooted to reinstall. The new boot starts over.
            boots++;
            stage = BootStage.FIRMWARE;
            stageSince = now;
            add(new BootEvent(now, BootEvent.Kind.REBOOT, stage, "boot #" + boots + " (firmware again after "
                    + before.label() + ")"));
        } else if (shows != null && shows.compareTo(stage) > 0) {
            if (stage == BootStage.SEEN) {
                boots = Math.max(boots, 1);
            }
            stage = shows;
            stageSince = now;
        }
        add(new BootEvent(now, kind, stage, detail));
        return stage != before || kind == BootEvent.Kind.REBOOT;
    }

    private void add(BootEvent event) {
        if (events.size() == maxEvents) {
            events.pollFirst();
            droppedEvents++;
        }
        events.addLast(event);
    }

    void address(String address) {
        addresses.remove(address);
        addresses.add(address);
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.remove(addresses.getFirst());
        }
    }

    boolean stuck(Instant now, Duration stuckAfter) {
        return stage.inProgress() && Duration.between(stageSince, now).compareTo(stuckAfter) > 0;
    }

    MachineTimeline snapshot(String hostname, Instant now, Duration stuckAfter) {
        BootEvent last = events.peekLast();
        String lastEvent = last == null ? (dnsQueries > 0 ? "DNS queries" : null)
                : last.kind().name().toLowerCase().replace('_', ' ') + ": " + last.detail();
        return new MachineTimeline(mac, hostname, stage, stageSince, firstSeen, lastSeen, lastEvent,
                stuck(now, stuckAfter), boots, new ArrayList<>(addresses), dnsQueries, dnsRejected, droppedEvents,
                new ArrayList<>(events));
    }

    List<BootEvent> events() {
        return List.copyOf(events);
    }
}
