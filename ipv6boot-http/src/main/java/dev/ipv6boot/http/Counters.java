package dev.ipv6boot.http;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Event counts by reason, safe to bump from any event-loop thread and to read from anywhere. One instance per
 * server; the enum says what is counted ({@link HttpCounter}, {@link dev.ipv6boot.http.tftp.TftpCounter}).
 *
 * @param <E> the reasons counted
 */
public final class Counters<E extends Enum<E>> {
    private final Class<E> type;
    private final LongAdder[] adders;

    public Counters(Class<E> type) {
        this.type = type;
        E[] constants = type.getEnumConstants();
        this.adders = new LongAdder[constants.length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    /** Adds one to {@code reason}. */
    public void increment(E reason) {
        adders[reason.ordinal()].increment();
    }

    /** Adds {@code amount} to {@code reason}. */
    public void add(E reason, long amount) {
        adders[reason.ordinal()].add(amount);
    }

    /** The current count of {@code reason}. */
    public long get(E reason) {
        return adders[reason.ordinal()].sum();
    }

    /** A copy of every count, zeros included, in declaration order. */
    public Map<E, Long> snapshot() {
        Map<E, Long> copy = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            copy.put(constant, get(constant));
        }
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<E, Long> entry : snapshot().entrySet()) {
            if (entry.getValue() != 0) {
                text.append(text.isEmpty() ? "" : " ").append(entry.getKey().name().toLowerCase()).append('=').append(entry.getValue());
            }
        }
        return text.toString();
    }
}
