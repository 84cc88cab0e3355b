package dev.ipv6boot.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running counterpart of {@link AdmissionPolicy}: counts of large downloads in flight, globally and per
 * prefix. Acquire and release are lock-free; a prefix's entry is removed when its count returns to zero, so
 * the map holds only prefixes with downloads in flight.
 */
final class Admission {
    /** The result of {@link #tryAcquire}: admitted, or refused and by which limit. */
    enum Decision { ADMITTED, REFUSED_GLOBAL, REFUSED_PREFIX }

    /** A 128-bit prefix key; IPv4 clients are keyed by their IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2). */
    record Prefix(long high, long low) {
    }

    private final AdmissionPolicy policy;
    private final AtomicInteger global = new AtomicInteger();
    private final ConcurrentHashMap<Prefix, AtomicInteger> perPrefix = new ConcurrentHashMap<>();

    Admission(AdmissionPolicy policy) {
        this.policy = policy;
    }

    AdmissionPolicy policy() {
        return policy;
    }

    boolean isLarge(long bodyBytes) {
        return bodyBytes >= policy.largeFileBytes();
    }

    int inFlight() {
        return global.get();
    }

    Prefix prefixOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xff);
            low = low << 8 | (bytes[i + 8] & 0xff);
        }
        int bits = policy.prefixLength();
        if (bits <= 64) {
            high = bits == 0 ? 0 : high & (-1L << (64 - bits));
            low = 0;
        } else if (bits < 128) {
            low = low & (-1L << (128 - bits));
        }
        return new Prefix(high, low);
    }

    Decision tryAcquire(Prefix prefix) {
        if (global.incrementAndGet() > policy.maxGlobal()) {
            global.decrementAndGet();
            return Decision.REFUSED_GLOBAL;
        }
        boolean[] admitted = {false};
        perPrefix.compute(prefix, (key, count) -> {
            AtomicInteger value = count == null ? new AtomicInteger() : count;
            if (value.get() < policy.maxPerPrefix()) {
                value.incrementAndGet();
                admitted[0] = true;
            }
            return value.get() == 0 ? null : value;
        });
        if (!admitted[0]) {
            global.decrementAndGet();
            return Decision.REFUSED_PREFIX;
        }
        return Decision.ADMITTED;
    }

    void release(Prefix prefix) {
        perPrefix.computeIfPresent(prefix, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        global.decrementAndGet();
    }
}
