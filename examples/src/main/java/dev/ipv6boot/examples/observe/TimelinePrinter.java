package dev.ipv6boot.examples.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prints one machine's timeline as aligned lines: time since its first event, the stage after each event, what
 * kind of event, and its details.
 * <pre>
 * 52:54:00:12:34:56 (alpha): answers fetched, boot 1
 *   +0.000 s  firmware         dhcpv6  Solicit -> Advertise, arch EFI x86-64 (0x0007), …
 *   +0.214 s  loader fetched   tftp    RRQ ipxe.efi complete, 1048576 bytes in 180 ms
 * </pre>
 */
public final class TimelinePrinter {
    private TimelinePrinter() {
    }

    /** Appends {@code timeline} to {@code out}, one line per event after a heading line. */
    public static void print(MachineTimeline timeline, Appendable out) {
        try {
            printTo(timeline, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The printed timeline as a string. */
    public static String toString(MachineTimeline timeline) {
        StringBuilder out = new StringBuilder(512);
        print(timeline, out);
        return out.toString();
    }

    private static void printTo(MachineTimeline t, Appendable out) throws IOException {
        out.append(t.mac());
        if (t.hostname() != null) {
            out.append(" (").append(t.hostname()).append(')');
        }
        out.append(": ").append(t.stage().label());
        if (t.boots() > 0) {
            out.append(", boot ").append(String.valueOf(t.boots()));
        }
        if (t.stuck()) {
            out.append(", STUCK");
        }
        if (t.dnsQueries() > 0 || t.dnsRejected() > 0) {
            out.append(", ").append(String.valueOf(t.dnsQueries())).append(" DNS queries");
            if (t.dnsRejected() > 0) {
                out.append(" (").append(String.valueOf(t.dnsRejected())).append(" rejected)");
            }
        }
        out.append('\n');
        if (t.droppedEvents() > 0) {
            out.append("  (").append(String.valueOf(t.droppedEvents())).append(" earlier events forgotten)\n");
        }
        List<BootEvent> events = t.events();
        if (events.isEmpty()) {
            return;
        }
        Instant start = events.getFirst().at();
        String[] times = new String[events.size()];
        int timeWidth = 0;
        int stageWidth = 0;
        int kindWidth = 0;
        for (int i = 0; i < events.size(); i++) {
            BootEvent e = events.get(i);
            times[i] = relative(Duration.between(start, e.at()));
            timeWidth = Math.max(timeWidth, times[i].length());
            stageWidth = Math.max(stageWidth, e.stage().label().length());
            kindWidth = Math.max(kindWidth, kind(e.kind()).length());
        }
        for (int i = 0; i < events.size(); i++) {
            BootEvent e = events.get(i);
            out.append("  ").append(pad(times[i], timeWidth, true))
                    .append("  ").append(pad(e.stage().label(), stageWidth, false))
                    .append("  ").append(pad(kind(e.kind()), kindWidth, false))
                    .append("  ").append(e.detail()).append('\n');
        }
    }

    private static String kind(BootEvent.Kind kind) {
        return switch (kind) {
            case ROUTER_SOLICITATION -> "RS";
            case DHCPV6 -> "DHCPv6";
            case LEASE -> "lease";
            case HTTP -> "HTTP";
            case TFTP -> "TFTP";
            case REBOOT -> "reboot";
        };
    }

    /** {@code +12.345 s}. */
    static String relative(Duration d) {
        long millis = Math.max(0, d.toMillis());
        return String.format("+%d.%03d s", millis / 1000, millis % 1000);
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }
}
