package dev.ipv6boot.dns;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The upstream resolvers and their health. The first healthy one in configured order is preferred; one that
 * timed out {@code failuresBeforeDown} times in a row is skipped for {@code downNanos}, then tried again by the
 * next query (one success makes it healthy). When every upstream is down the one that comes back first is
 * used anyway: asking a probably-dead server beats answering SERVFAIL without trying. Thread-safe.
 */
final class Upstreams {
    private final List<InetSocketAddress> addresses;
    private final int failuresBeforeDown;
    private final long downNanos;
    private final int[] failures;
    private final long[] downUntil;

    Upstreams(List<InetSocketAddress> addresses, int failuresBeforeDown, long downNanos) {
        this.addresses = List.copyOf(addresses);
        this.failuresBeforeDown = failuresBeforeDown;
        this.downNanos = downNanos;
        this.failures = new int[addresses.size()];
        this.downUntil = new long[addresses.size()];
    }

    /** The index of the upstream to use for attempt {@code attempt}, avoiding {@code previous} if possible. */
    synchronized int pick(long now, int previous) {
        int best = -1;
        for (int i = 0; i < addresses.size(); i++) {
            if (isUp(i, now) && (i != previous || addresses.size() == 1)) {
                return i;
            }
        }
        long soonest = Long.MAX_VALUE;
        for (int i = 0; i < addresses.size(); i++) {
            if (i == previous && addresses.size() > 1) {
                continue;
            }
            if (best < 0 || downUntil[i] - soonest < 0) {
                best = i;
                soonest = downUntil[i];
            }
        }
        return best;
    }

    private boolean isUp(int i, long now) {
        return failures[i] < failuresBeforeDown || now - downUntil[i] >= 0;
    }

    synchronized void succeeded(int i) {
        failures[i] = 0;
    }

    synchronized void failed(int i, long now) {
        failures[i]++;
        if (failures[i] >= failuresBeforeDown) {
            downUntil[i] = now + downNanos;
        }
    }

    synchronized boolean isDown(int i, long now) {
        return !isUp(i, now);
    }

    InetSocketAddress address(int i) {
        return addresses.get(i);
    }

    int size() {
        return addresses.size();
    }
}
