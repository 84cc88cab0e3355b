package dev.ipv6boot.dns.cache;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.QuestionKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded answer cache shared by all event loops, honouring TTLs (RFC 1035 §7.4, RFC 2181 §5.2) and
 * caching negative answers (RFC 2308 §5). It is split into segments, each a least-recently-used map
 * behind its own lock, so lookups from different threads rarely meet; a lookup with the query view's probe
 * key allocates nothing.
 */
public final class DnsCache {
    private static final int SEGMENTS = 16;

    private final Segment[] segments = new Segment[SEGMENTS];
    private final long maxTtlSeconds;
    private final long maxNegativeTtlSeconds;
    private final LongAdder evictions = new LongAdder();

    /**
     * @param maxEntries            the bound on stored answers (0 disables caching)
     * @param maxTtlSeconds         the longest a positive answer is kept, whatever its TTL says
     * @param maxNegativeTtlSeconds the longest a negative answer is kept (RFC 2308 §5 suggests 1-3 hours)
     */
    public DnsCache(int maxEntries, long maxTtlSeconds, long maxNegativeTtlSeconds) {
        if (maxEntries < 0 || maxTtlSeconds < 0 || maxNegativeTtlSeconds < 0) {
            throw new IllegalArgumentException("negative cache bound");
        }
        int perSegment = maxEntries == 0 ? 0 : Math.max(1, (maxEntries + SEGMENTS - 1) / SEGMENTS);
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(perSegment, evictions);
        }
        this.maxTtlSeconds = maxTtlSeconds;
        this.maxNegativeTtlSeconds = maxNegativeTtlSeconds;
    }

    /** The live answer for {@code key} at {@code nowNanos}, or null. Expired entries are removed on the way. */
    public CachedAnswer lookup(QuestionKey key, long nowNanos) {
        Segment segment = segmentFor(key);
        synchronized (segment) {
            CachedAnswer hit = segment.get(key);
            if (hit == null) {
                return null;
            }
            if (hit.expired(nowNanos)) {
                segment.remove(key);
                return null;
            }
            return hit;
        }
    }

    /**
     * Stores {@code answer} under {@code key} (copied if it is a probe) if it may be cached; returns whether
     * it was. Answers with TTL 0 are used once and not stored (RFC 1035 §3.2.1).
     */
    public boolean store(QuestionKey key, DnsAnswer answer, long nowNanos) {
        long ttl = answer.cacheTtl();
        if (ttl <= 0) {
            return false;
        }
        boolean negative = answer.answerCount() == 0;
        ttl = Math.min(ttl, negative ? maxNegativeTtlSeconds : maxTtlSeconds);
        if (ttl <= 0) {
            return false;
        }
        Segment segment = segmentFor(key);
        if (segment.capacity == 0) {
            return false;
        }
        QuestionKey stored = QuestionKey.copyOf(key);
        CachedAnswer entry = new CachedAnswer(answer, nowNanos, nowNanos + ttl * 1_000_000_000L);
        synchronized (segment) {
            segment.put(stored, entry);
        }
        return true;
    }

    /** Removes every entry. */
    public void clear() {
        for (Segment segment : segments) {
            synchronized (segment) {
                segment.clear();
            }
        }
    }

    /** Entries currently held (expired ones not yet noticed included). */
    public int size() {
        int size = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                size += segment.size();
            }
        }
        return size;
    }

    /** Entries pushed out by the size bound so far. */
    public long evictions() {
        return evictions.sum();
    }

    private Segment segmentFor(QuestionKey key) {
        return segments[(key.hashCode() >>> 8) & (SEGMENTS - 1)];
    }

    private static final class Segment extends LinkedHashMap<QuestionKey, CachedAnswer> {
        private final int capacity;
        private final LongAdder evictions;

        Segment(int capacity, LongAdder evictions) {
            super(16, 0.75f, true);                    // access order: least recently used first
            this.capacity = capacity;
            this.evictions = evictions;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<QuestionKey, CachedAnswer> eldest) {
            if (size() > capacity) {
                evictions.increment();
                return true;
            }
            return false;
        }
    }
}
