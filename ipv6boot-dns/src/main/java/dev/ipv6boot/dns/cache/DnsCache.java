package dev.ipv6boot.dns.cache;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.QuestionKey;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded answer cache shared by all event loops, honouring TTLs (RFC 1035 §7.4, RFC 2181 §5.2) and
 * caching negative answers (RFC 2308 §5). A lookup is a lock-free {@link ConcurrentHashMap} read with the query
 * view's probe key and allocates nothing; it writes nothing shared either, except once per entry between two
 * eviction passes (the "recently used" mark), so event loops answering the same hot names do not contend.
 * Stores and evictions go through one of 16 segments, each with its own lock and a CLOCK queue
 * (second-chance approximation of least-recently-used): past the bound, the oldest entry goes unless it was
 * used since it was last looked at, in which case it is requeued with its mark cleared.
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
            segments[i] = new Segment(perSegment);
        }
        this.maxTtlSeconds = maxTtlSeconds;
        this.maxNegativeTtlSeconds = maxNegativeTtlSeconds;
    }

    /** The live answer for {@code key} at {@code nowNanos}, or null. Expired entries are removed on the way. */
    public CachedAnswer lookup(QuestionKey key, long nowNanos) {
        Entry entry = segmentFor(key).map.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.answer.expired(nowNanos)) {
            segmentFor(key).map.remove(entry.key, entry);   // its queue slot is dropped when the clock reaches it
            return null;
        }
        if (!entry.used) {
            entry.used = true;                               // a benign race: any thread's write will do
        }
        return entry.answer;
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
        Entry entry = new Entry(stored, new CachedAnswer(answer, nowNanos, nowNanos + ttl * 1_000_000_000L));
        synchronized (segment) {
            segment.map.put(stored, entry);                  // a replaced entry's queue slot goes stale
            segment.clock.addLast(entry);
            while (segment.clock.size() > segment.capacity) {
                Entry oldest = segment.clock.pollFirst();
                if (segment.map.get(oldest.key) != oldest) {
                    continue;                                 // replaced or expired meanwhile: nothing to evict
                }
                if (oldest.used) {
                    oldest.used = false;                      // second chance
                    segment.clock.addLast(oldest);
                } else {
                    segment.map.remove(oldest.key, oldest);
                    evictions.increment();
                }
            }
        }
        return true;
    }

    /** Removes every entry. */
    public void clear() {
        for (Segment segment : segments) {
            synchronized (segment) {
                segment.map.clear();
                segment.clock.clear();
            }
        }
    }

    /** Entries currently held (expired ones not yet noticed included). */
    public int size() {
        int size = 0;
        for (Segment segment : segments) {
            size += segment.map.size();
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

    /** A cached answer, the key it is stored under, and whether it was used since the clock last passed it. */
    private static final class Entry {
        final QuestionKey key;
        final CachedAnswer answer;
        boolean used;

        Entry(QuestionKey key, CachedAnswer answer) {
            this.key = key;
            this.answer = answer;
        }
    }

    /** The entries of one slice of the hash space; the clock queue is guarded by the segment's lock. */
    private static final class Segment {
        final int capacity;
        final ConcurrentHashMap<QuestionKey, Entry> map = new ConcurrentHashMap<>();
        final ArrayDeque<Entry> clock = new ArrayDeque<>();

        Segment(int capacity) {
            this.capacity = capacity;
        }
    }
}
