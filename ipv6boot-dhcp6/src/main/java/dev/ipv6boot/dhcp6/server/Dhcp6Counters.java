package dev.ipv6boot.dhcp6.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the server received, answered and dropped, by {@link Outcome}; updated by the event loop, readable from
 * any thread. Also the kernel's count of datagrams lost to a full socket buffer, which the server cannot see.
 */
public final class Dhcp6Counters {

    private final AtomicLongArray byOutcome = new AtomicLongArray(Outcome.values().length);
    private final AtomicLongArray byMessageType = new AtomicLongArray(256);

    void count(Outcome outcome) {
        byOutcome.lazySet(outcome.ordinal(), byOutcome.get(outcome.ordinal()) + 1);   // single writer
    }

    void received(int messageType) {
        int t = messageType & 0xff;
        byMessageType.lazySet(t, byMessageType.get(t) + 1);
    }

    /** How many datagrams ended with {@code outcome}. */
    public long get(Outcome outcome) {
        return byOutcome.get(outcome.ordinal());
    }

    /** How many messages of (outer) type {@code messageType} arrived. */
    public long receivedOfType(int messageType) {
        return byMessageType.get(messageType & 0xff);
    }

    /** Every outcome with its count, for a status page. */
    public Map<Outcome, Long> snapshot() {
        Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            out.put(o, byOutcome.get(o.ordinal()));
        }
        return out;
    }

    /**
     * {@code Udp6RcvbufErrors} of the network namespace this process runs in (from {@code /proc/net/snmp6}): IPv6
     * datagrams the kernel dropped because a socket buffer was full. {@code UdpRcvbufErrors} counts only IPv4.
     * -1 when unavailable (not Linux).
     */
    public static long udp6RcvbufErrors() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/snmp6"))) {
                if (line.startsWith("Udp6RcvbufErrors")) {
                    return Long.parseLong(line.substring("Udp6RcvbufErrors".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
