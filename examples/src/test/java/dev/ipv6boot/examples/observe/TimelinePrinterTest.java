package dev.ipv6boot.examples.observe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelinePrinterTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static MachineTimeline timeline(boolean stuck, long dropped) {
        List<BootEvent> events = List.of(
                new BootEvent(T0, BootEvent.Kind.DHCPV6, BootStage.FIRMWARE, "Solicit -> Advertise, arch EFI x86-64 (0x0007)"),
                new BootEvent(T0.plusMillis(2_345), BootEvent.Kind.TFTP, BootStage.LOADER, "RRQ ipxe.efi complete"),
                new BootEvent(T0.plusSeconds(75), BootEvent.Kind.HTTP, BootStage.ANSWERS, "GET /preseed/a.cfg 200"));
        return new MachineTimeline("52:54:00:12:34:56", "alpha", BootStage.ANSWERS, T0.plusSeconds(75), T0,
                T0.plusSeconds(80), "http: GET /preseed/a.cfg 200", stuck, 1, List.of("2001:db8::1:0"), 7, 0, dropped,
                events);
    }

    @Test
    void printsOneAlignedLinePerEventAfterAHeading() {
        String printed = TimelinePrinter.toString(timeline(false, 0));
        List<String> lines = printed.lines().toList();
        assertEquals("52:54:00:12:34:56 (alpha): answers fetched, boot 1, 7 DNS queries", lines.get(0));
        assertEquals(4, lines.size());
        assertEquals("   +0.000 s  firmware         DHCPv6  Solicit -> Advertise, arch EFI x86-64 (0x0007)", lines.get(1));
        assertEquals("   +2.345 s  loader fetched   TFTP    RRQ ipxe.efi complete", lines.get(2));
        assertEquals("  +75.000 s  answers fetched  HTTP    GET /preseed/a.cfg 200", lines.get(3));
        int detailColumn = lines.get(1).indexOf("Solicit");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.indexOf(l.strip().split("\\s{2,}")[3]) == detailColumn),
                printed);
    }

    @Test
    void saysWhenTheMachineIsStuckAndWhenEarlyEventsWereForgotten() {
        StringBuilder out = new StringBuilder();
        TimelinePrinter.print(timeline(true, 5), out);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).contains(", STUCK"), lines.get(0));
        assertEquals("  (5 earlier events forgotten)", lines.get(1));
    }

    @Test
    void relativeTimesHaveMilliseconds() {
        assertEquals("+0.007 s", TimelinePrinter.relative(Duration.ofMillis(7)));
        assertEquals("+3723.500 s", TimelinePrinter.relative(Duration.ofMillis(3_723_500)));
    }
}
