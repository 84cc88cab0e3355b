package dev.ipv6boot.dns.cache;

import dev.ipv6boot.dns.wire.DnsAnswer;

/**
 * An answer in the cache: the indexed message, when it was stored and when it expires ({@link System#nanoTime}
 * clock). Immutable.
 */
public record CachedAnswer(DnsAnswer answer, long storedAtNanos, long expiresAtNanos) {
    /** Whole seconds since it was stored: what every TTL is reduced by when it is served. */
    public long elapsedSeconds(long nowNanos) {
        return (nowNanos - storedAtNanos) / 1_000_000_000L;
    }

    public boolean expired(long nowNanos) {
        return nowNanos - expiresAtNanos >= 0;
    }
}
