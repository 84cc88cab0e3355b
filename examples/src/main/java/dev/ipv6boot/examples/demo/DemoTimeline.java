package dev.ipv6boot.examples.demo;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.codec.Ipv6AddressFormat;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dns.DnsForwarderListener;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;
import dev.ipv6boot.preseed.net.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot timeline of each machine, from what the services report through their listeners: a stand-in for the
 * project's boot observer until it is merged, small enough to be replaced by it.
 *
 * <p>DHCPv6 events carry the machine (its MAC identity). HTTP and TFTP events carry only the client's address, and
 * on the loopback every client is {@code ::1}; the demo, which plays one client at a time, says whose turn it is
 * ({@link #playing}). On a real network a download is tied to a machine by its address (lease or SLAAC EUI-64), or
 * by the MAC in a per-machine path.
 */
final class DemoTimeline implements Dhcp6Listener, RouterAdvertiserListener, ServeListener, DnsForwarderListener {

    /** One thing the server did for a machine, {@code millis} after the demo started. */
    record Entry(long millis, String service, String what) {
    }

    private long start = -1;                                    // the first event's time: the timelines' zero
    private final Map<MacAddress, List<Entry>> byMachine = new LinkedHashMap<>();
    private volatile MacAddress playing;

    /** Whose turn it is. */
    void playing(MacAddress mac) {
        this.playing = mac;
    }

    private long now() {
        long t = System.nanoTime();
        if (start < 0) {
            start = t;
        }
        return (t - start) / 1_000_000;
    }

    private synchronized void add(MacAddress mac, String service, String what) {
        if (mac != null) {
            byMachine.computeIfAbsent(mac, m -> new ArrayList<>()).add(new Entry(now(), service, what));
        }
    }

    /** The entries of {@code mac}, in order. */
    synchronized List<Entry> of(MacAddress mac) {
        return List.copyOf(byMachine.getOrDefault(mac, List.of()));
    }

    private static MacAddress macOf(long identity) {
        return MachineIdentity.kind(identity) == MachineIdentity.KIND_MAC
                ? new MacAddress(identity & 0xffff_ffff_ffffL) : null;
    }

    @Override
    public void answered(Dhcp6MessageView request, int replyType, long identity) {
        Dhcp6MessageView client = request.innermost();
        StringBuilder what = new StringBuilder(Dhcp6MessageType.valueOf(client.messageType()).title())
                .append(" -> ").append(Dhcp6MessageType.valueOf(replyType).title());
        if (client.archTypeCount() > 0) {
            what.append(", arch 0x").append(String.format("%04x", client.archType(0)));
        }
        if (client.hasUserClass("iPXE")) {
            what.append(", user class iPXE");
        } else if (client.vendorClassStartsWith("PXEClient")) {
            what.append(", vendor class PXEClient");
        }
        add(macOf(identity), "dhcp6", what.toString());
    }

    @Override
    public void leaseBound(Lease lease) {
        add(macOf(lease.identity()), "dhcp6", "address " + Ipv6AddressFormat.toString(lease.high(), lease.low())
                + " bound until " + java.time.Instant.ofEpochSecond(lease.validUntil()));
    }

    @Override
    public void served(ServeEvent event) {
        add(playing, event.protocol().name().toLowerCase(java.util.Locale.ROOT), event.method() + " " + event.target()
                + " -> " + (event.protocol() == ServeEvent.Protocol.TFTP && event.status() == 0 ? "done" : event.status())
                + ", " + event.bytes() + " bytes in " + event.duration().toMillis() + " ms");
    }
}
