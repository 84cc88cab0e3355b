package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.CookieOption;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DnsQueryViewTest {
    private static byte[] query(String name, int type, OPTRecord opt) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        m.getHeader().setID(0x4242);
        if (opt != null) {
            m.addRecord(opt, Section.ADDITIONAL);
        }
        return m.toWire();
    }

    private static QueryStatus parse(DnsQueryView view, byte[] wire) {
        return view.parse(Unpooled.wrappedBuffer(wire));
    }

    @Test
    void readsHeaderQuestionAndEdnsInPlace() throws Exception {
        OPTRecord opt = new OPTRecord(4096, 0, 0, org.xbill.DNS.ExtendedFlags.DO,
                List.<EDNSOption>of(new CookieOption(new byte[8])));
        DnsQueryView view = new DnsQueryView();
        assertEquals(QueryStatus.OK, parse(view, query("Mirror.Example.", Type.AAAA, opt)));
        assertEquals(0x4242, view.id());
        assertEquals(Type.AAAA, view.qtype());
        assertEquals(DClass.IN, view.qclass());
        assertEquals("Mirror.Example.", view.nameString());
        assertEquals(16, view.nameLength());
        assertEquals(12 + 16 + 4, view.questionEnd());
        assertTrue(view.hasEdns());
        assertEquals(4096, view.ednsUdpSize());
        assertTrue(view.dnssecOk());
        assertTrue(view.recursionDesired());
    }

    @Test
    void aViewIsReusableAndResetsEdnsBetweenQueries() throws Exception {
        DnsQueryView view = new DnsQueryView();
        parse(view, query("a.example.", Type.A, new OPTRecord(1232, 0, 0)));
        assertEquals(QueryStatus.OK, parse(view, query("b.example.", Type.A, null)));
        assertFalse(view.hasEdns());
        assertEquals(512, view.ednsUdpSize());
    }

    @Test
    void keysIgnoreCaseButNotTypeOrDnssecOk() throws Exception {
        DnsQueryView a = new DnsQueryView();
        DnsQueryView b = new DnsQueryView();
        parse(a, query("MIRROR.example.", Type.AAAA, null));
        parse(b, query("mirror.EXAMPLE.", Type.AAAA, null));
        assertEquals(a.key(), b.key());
        assertEquals(a.key().hashCode(), b.key().hashCode());
        assertEquals(QuestionKey.copyOf(a.key()), b.key());
        parse(b, query("mirror.example.", Type.A, null));
        assertNotEquals(a.key(), b.key());
        parse(b, query("mirror.example.", Type.AAAA, new OPTRecord(1232, 0, 0, org.xbill.DNS.ExtendedFlags.DO)));
        assertNotEquals(a.key(), b.key(), "DO changes the answer (RRSIGs)");
        assertEquals(a.plainKey(), b.plainKey());
    }

    /** A named corpus of malformed queries, each with the status it must get. */
    @Test
    void classifiesEveryMalformedShape() throws Exception {
        byte[] good = query("mirror.example.", Type.AAAA, null);
        byte[] withOpt = query("mirror.example.", Type.AAAA, new OPTRecord(1232, 0, 0));
        Map<String, QueryStatus> expected = new java.util.LinkedHashMap<>();
        Map<String, byte[]> corpus = new java.util.LinkedHashMap<>();
        corpus.put("empty", new byte[0]);
        expected.put("empty", QueryStatus.TOO_SHORT);
        corpus.put("11 bytes", Arrays.copyOf(good, 11));
        expected.put("11 bytes", QueryStatus.TOO_SHORT);
        byte[] qr = good.clone();
        qr[2] |= (byte) 0x80;
        corpus.put("QR set", qr);
        expected.put("QR set", QueryStatus.NOT_A_QUERY);
        byte[] update = good.clone();
        update[2] = (byte) (5 << 3);
        corpus.put("UPDATE opcode", update);
        expected.put("UPDATE opcode", QueryStatus.UNSUPPORTED_OPCODE);
        byte[] noQuestion = good.clone();
        noQuestion[5] = 0;
        corpus.put("QDCOUNT 0", noQuestion);
        expected.put("QDCOUNT 0", QueryStatus.BAD_COUNTS);
        byte[] answerInQuery = good.clone();
        answerInQuery[7] = 1;
        corpus.put("ANCOUNT 1", answerInQuery);
        expected.put("ANCOUNT 1", QueryStatus.BAD_COUNTS);
        byte[] twoAdditional = withOpt.clone();
        twoAdditional[11] = 2;
        corpus.put("ARCOUNT 2", twoAdditional);
        expected.put("ARCOUNT 2", QueryStatus.BAD_COUNTS);
        byte[] pointer = good.clone();
        pointer[12] = (byte) 0xc0;
        corpus.put("pointer in question", pointer);
        expected.put("pointer in question", QueryStatus.BAD_NAME);
        byte[] reserved = good.clone();
        reserved[12] = (byte) 0x40;
        corpus.put("reserved label type", reserved);
        expected.put("reserved label type", QueryStatus.BAD_NAME);
        byte[] longName = new byte[12 + 300];
        System.arraycopy(good, 0, longName, 0, 12);
        for (int i = 12; i + 64 < longName.length; i += 64) {
            longName[i] = 63;
            Arrays.fill(longName, i + 1, i + 64, (byte) 'a');
        }
        corpus.put("name over 255 bytes", longName);
        expected.put("name over 255 bytes", QueryStatus.BAD_NAME);
        corpus.put("ends inside the name", Arrays.copyOf(good, 16));
        expected.put("ends inside the name", QueryStatus.TRUNCATED);
        corpus.put("ends inside QTYPE", Arrays.copyOf(good, good.length - 3));
        expected.put("ends inside QTYPE", QueryStatus.TRUNCATED);
        corpus.put("ARCOUNT 1 without record", Arrays.copyOf(withOpt, good.length));
        expected.put("ARCOUNT 1 without record", QueryStatus.TRUNCATED);
        byte[] optNotRoot = withOpt.clone();
        optNotRoot[good.length] = 1;
        corpus.put("OPT owner not root", optNotRoot);
        expected.put("OPT owner not root", QueryStatus.BAD_OPT);
        byte[] optOverrun = Arrays.copyOf(withOpt, withOpt.length + 3);
        optOverrun[withOpt.length - 1] = 3;                   // RDLEN 3: a 3-byte option cannot be whole
        corpus.put("OPT option overruns RDATA", optOverrun);
        expected.put("OPT option overruns RDATA", QueryStatus.BAD_OPT);
        corpus.put("trailing bytes", Arrays.copyOf(good, good.length + 1));
        expected.put("trailing bytes", QueryStatus.TRAILING_BYTES);
        byte[] version1 = withOpt.clone();
        version1[good.length + 6] = 1;
        corpus.put("EDNS version 1", version1);
        expected.put("EDNS version 1", QueryStatus.BAD_EDNS_VERSION);
        corpus.put("AXFR", query("example.", Type.AXFR, null));
        expected.put("AXFR", QueryStatus.REFUSED_TYPE);
        corpus.put("IXFR", query("example.", Type.IXFR, null));
        expected.put("IXFR", QueryStatus.REFUSED_TYPE);

        DnsQueryView view = new DnsQueryView();
        for (var entry : corpus.entrySet()) {
            assertEquals(expected.get(entry.getKey()), parse(view, entry.getValue()), entry.getKey());
        }
    }

    @Test
    void parsesOnlyTheReadableBytesOfASliceOfABiggerBuffer() throws Exception {
        byte[] good = query("mirror.example.", Type.AAAA, null);
        ByteBuf big = Unpooled.buffer(100 + good.length + 50);
        big.writeZero(100).writeBytes(good).writeZero(50);
        ByteBuf slice = big.slice(100, good.length);
        DnsQueryView view = new DnsQueryView();
        assertEquals(QueryStatus.OK, view.parse(slice));
        assertEquals("mirror.example.", view.nameString());
    }

    /** Fuzz oracle: random and mutated bytes never throw, and an OK parse agrees with dnsjava. */
    @Test
    void randomAndMutatedInputNeverThrowsAndOkAgreesWithDnsjava() throws Exception {
        Random random = new Random(20261126);
        byte[] seed = query("mirror.example.", Type.AAAA, new OPTRecord(1232, 0, 0));
        DnsQueryView view = new DnsQueryView();
        int ok = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = new byte[random.nextInt(64)];
                random.nextBytes(input);
            } else {
                input = seed.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    input = Arrays.copyOf(input, random.nextInt(input.length + 4));
                }
            }
            if (view.parse(Unpooled.wrappedBuffer(input)) == QueryStatus.OK) {
                ok++;
                Message dnsjava = new Message(input);       // must not throw either
                assertEquals(dnsjava.getQuestion().getType(), view.qtype());
                assertTrue(dnsjava.getQuestion().getName().toString().equalsIgnoreCase(view.nameString()),
                        dnsjava.getQuestion().getName() + " vs " + view.nameString());
            }
        }
        assertTrue(ok > 100, "mutations must also produce valid queries: " + ok);
    }
}
