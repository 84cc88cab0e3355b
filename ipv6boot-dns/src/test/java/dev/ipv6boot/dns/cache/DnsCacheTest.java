package dev.ipv6boot.dns.cache;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.QuestionKey;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DnsCacheTest {
    private static final long SECOND = 1_000_000_000L;

    private static DnsAnswer answer(String name, long ttl) throws Exception {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.addRecord(Record.newRecord(Name.fromString(name), Type.AAAA, DClass.IN), Section.QUESTION);
        m.addRecord(new AAAARecord(Name.fromString(name), DClass.IN, ttl, InetAddress.getByName("2001:db8::1")), Section.ANSWER);
        return DnsAnswer.of(m);
    }

    private static DnsAnswer nxdomain(String name, long soaTtl, long minimum) throws Exception {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setRcode(Rcode.NXDOMAIN);
        m.addRecord(Record.newRecord(Name.fromString(name), Type.AAAA, DClass.IN), Section.QUESTION);
        m.addRecord(new SOARecord(Name.fromString("example."), DClass.IN, soaTtl, Name.fromString("ns.example."),
                Name.fromString("h.example."), 1, 2, 3, 4, minimum), Section.AUTHORITY);
        return DnsAnswer.of(m);
    }

    private static QuestionKey key(String name) throws Exception {
        return QuestionKey.of(Name.fromString(name).toWire(), Type.AAAA, DClass.IN, 0);
    }

    @Test
    void servesUntilTheTtlRunsOutAndAgesIt() throws Exception {
        DnsCache cache = new DnsCache(100, 86400, 3600);
        assertTrue(cache.store(key("a.example."), answer("a.example.", 60), 0));
        CachedAnswer hit = cache.lookup(key("A.EXAMPLE."), 59 * SECOND);
        assertNotNull(hit);
        assertEquals(59, hit.elapsedSeconds(59 * SECOND));
        assertNull(cache.lookup(key("a.example."), 60 * SECOND));
        assertEquals(0, cache.size(), "expired entries are removed when met");
    }

    @Test
    void capsTtlsAndKeepsNegativeAnswersForTheirOwnBound() throws Exception {
        DnsCache cache = new DnsCache(100, 10, 5);
        cache.store(key("a.example."), answer("a.example.", 3600), 0);
        cache.store(key("nx.example."), nxdomain("nx.example.", 3600, 600), 0);
        assertNotNull(cache.lookup(key("a.example."), 9 * SECOND));
        assertNull(cache.lookup(key("a.example."), 10 * SECOND));
        assertNotNull(cache.lookup(key("nx.example."), 4 * SECOND));
        assertNull(cache.lookup(key("nx.example."), 5 * SECOND));
    }

    @Test
    void neverStoresTtlZeroAnswers() throws Exception {
        DnsCache cache = new DnsCache(100, 86400, 3600);
        assertFalse(cache.store(key("a.example."), answer("a.example.", 0), 0));
        assertEquals(0, cache.size());
    }

    @Test
    void keepsToItsSizeBoundByEvictingTheLeastRecentlyUsed() throws Exception {
        DnsCache cache = new DnsCache(32, 86400, 3600);            // 16 segments of 2
        for (int i = 0; i < 500; i++) {
            cache.store(key("host" + i + ".example."), answer("host" + i + ".example.", 300), 0);
        }
        assertTrue(cache.size() <= 32, "size " + cache.size());
        assertEquals(500 - cache.size(), cache.evictions());
        assertNotNull(cache.lookup(key("host499.example."), SECOND), "the newest entry survives");
    }

    @Test
    void anEntryUsedSinceItWasStoredOutlivesAnUnusedOlderOne() throws Exception {
        DnsCache cache = new DnsCache(32, 86400, 3600);            // 16 segments of 2
        java.util.List<String> sameSegment = new java.util.ArrayList<>();
        int segment = (key("n0.example.").hashCode() >>> 8) & 15;
        for (int i = 0; sameSegment.size() < 3; i++) {
            if (((key("n" + i + ".example.").hashCode() >>> 8) & 15) == segment) {
                sameSegment.add("n" + i + ".example.");
            }
        }
        String first = sameSegment.get(0);
        String second = sameSegment.get(1);
        String third = sameSegment.get(2);
        cache.store(key(first), answer(first, 300), 0);
        cache.store(key(second), answer(second, 300), 0);
        assertNotNull(cache.lookup(key(first), SECOND));             // first is used, second is not
        cache.store(key(third), answer(third, 300), 0);

        assertNotNull(cache.lookup(key(first), SECOND), "the used entry stays");
        assertNull(cache.lookup(key(second), SECOND), "the unused one goes");
        assertNotNull(cache.lookup(key(third), SECOND));
        assertEquals(1, cache.evictions());
    }

    @Test
    void replacingAnEntryKeepsTheNewAnswer() throws Exception {
        DnsCache cache = new DnsCache(32, 86400, 3600);
        cache.store(key("a.example."), answer("a.example.", 60), 0);
        cache.store(key("a.example."), answer("a.example.", 600), 100 * SECOND);
        CachedAnswer hit = cache.lookup(key("a.example."), 200 * SECOND);
        assertNotNull(hit, "the replacement, stored at 100 s for 600 s, is live at 200 s");
        assertEquals(100, hit.elapsedSeconds(200 * SECOND));
        assertEquals(1, cache.size());
    }

    @Test
    void aZeroSizeCacheStoresNothing() throws Exception {
        DnsCache cache = new DnsCache(0, 86400, 3600);
        assertFalse(cache.store(key("a.example."), answer("a.example.", 60), 0));
    }
}
