package dev.ipv6boot.dns.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseWriterTest {
    private static final Name NAME = name("mirror.example.");

    private static Name name(String s) {
        try {
            return Name.fromString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DnsQueryView view(boolean edns, int udpSize) {
        Message q = Message.newQuery(Record.newRecord(name("MIRROR.example."), Type.AAAA, DClass.IN));
        q.getHeader().setID(0x0a0b);
        if (edns) {
            q.addRecord(new OPTRecord(udpSize, 0, 0), Section.ADDITIONAL);
        }
        DnsQueryView view = new DnsQueryView();
        assertEquals(QueryStatus.OK, view.parse(Unpooled.wrappedBuffer(q.toWire())));
        return view;
    }

    /** An answer with {@code answers} AAAA records and {@code glue} additional records, from "upstream". */
    private static DnsAnswer answer(int answers, int glue) throws Exception {
        Message m = new Message(0x7777);
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.RA);
        m.addRecord(Record.newRecord(NAME, Type.AAAA, DClass.IN), Section.QUESTION);
        for (int i = 0; i < answers; i++) {
            m.addRecord(new AAAARecord(NAME, DClass.IN, 300, InetAddress.getByName("2001:db8::" + (i + 1))), Section.ANSWER);
        }
        for (int i = 0; i < glue; i++) {
            m.addRecord(new AAAARecord(name("ns" + i + ".example."), DClass.IN, 300,
                    InetAddress.getByName("2001:db8:1::" + (i + 1))), Section.ADDITIONAL);
        }
        m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        return DnsAnswer.of(m);
    }

    private static Message write(DnsQueryView q, DnsAnswer a, int limit, long elapsed, boolean[] truncated) {
        ByteBuf out = Unpooled.buffer();
        truncated[0] = ResponseWriter.writeAnswer(out, q, a, limit, elapsed, 1232);
        assertTrue(out.readableBytes() <= limit, out.readableBytes() + " > " + limit);
        byte[] wire = new byte[out.readableBytes()];
        out.readBytes(wire);
        try {
            return new Message(wire);
        } catch (Exception e) {
            throw new AssertionError("we wrote something dnsjava cannot read", e);
        }
    }

    @Test
    void echoesIdAndQuestionCaseAndAddsOurOptOnlyForEdnsClients() throws Exception {
        boolean[] tc = new boolean[1];
        Message classic = write(view(false, 0), answer(2, 0), 512, 0, tc);
        Message edns = write(view(true, 4096), answer(2, 0), 1232, 0, tc);
        assertEquals(0x0a0b, classic.getHeader().getID());
        assertEquals("MIRROR.example.", classic.getQuestion().getName().toString());
        assertNull(classic.getOPT(), "RFC 6891 §7: no OPT to a client that sent none");
        assertNotNull(edns.getOPT());
        assertEquals(1232, edns.getOPT().getPayloadSize());
        assertTrue(classic.getHeader().getFlag(Flags.RD));
        assertEquals(2, classic.getSection(Section.ANSWER).size());
    }

    @Test
    void dropsTheAdditionalSectionFirstWithoutSettingTc() throws Exception {
        boolean[] tc = new boolean[1];
        DnsAnswer a = answer(2, 20);                     // about 800 bytes, most of it glue
        Message m = write(view(false, 0), a, 512, 0, tc);
        assertFalse(tc[0]);
        assertFalse(m.getHeader().getFlag(Flags.TC), "RFC 2181 §9: missing additional data is no truncation");
        assertEquals(2, m.getSection(Section.ANSWER).size());
        assertEquals(0, m.getSection(Section.ADDITIONAL).size());
    }

    @Test
    void keepsWholeAnswerRecordsThatFitAndSetsTc() throws Exception {
        boolean[] tc = new boolean[1];
        DnsAnswer a = answer(30, 0);                     // 30 AAAA: 12 + 20 + 30 * 28 = 872 bytes
        Message m = write(view(false, 0), a, 512, 0, tc);
        assertTrue(tc[0]);
        assertTrue(m.getHeader().getFlag(Flags.TC));
        assertEquals((512 - 12 - 20) / 28, m.getSection(Section.ANSWER).size());
        Message big = write(view(true, 1232), a, ResponseWriter.udpLimit(view(true, 1232), 1232), 0, tc);
        assertFalse(tc[0]);
        assertEquals(30, big.getSection(Section.ANSWER).size());
    }

    @Test
    void clampsTheClientsEdnsSizeBetween512AndOurs() {
        assertEquals(512, ResponseWriter.udpLimit(view(false, 0), 1232));
        assertEquals(1232, ResponseWriter.udpLimit(view(true, 4096), 1232));
        assertEquals(800, ResponseWriter.udpLimit(view(true, 800), 1232));
        assertEquals(512, ResponseWriter.udpLimit(view(true, 100), 1232));
    }

    @Test
    void agesEveryTtlAndNeverBelowZero() throws Exception {
        boolean[] tc = new boolean[1];
        Message aged = write(view(false, 0), answer(2, 1), 512, 100, tc);
        for (Record r : aged.getSection(Section.ANSWER)) {
            assertEquals(200, r.getTTL());
        }
        assertEquals(200, aged.getSection(Section.ADDITIONAL).get(0).getTTL());
        Message expired = write(view(false, 0), answer(1, 0), 512, 1000, tc);
        assertEquals(0, expired.getSection(Section.ANSWER).get(0).getTTL());
    }

    @Test
    void writesErrorsWithTheQuestionAndBadversInTheOpt() throws Exception {
        ByteBuf out = Unpooled.buffer();
        DnsQueryView q = view(true, 1232);
        ResponseWriter.writeError(out, q, QueryStatus.OK, DnsFlags.BADVERS, 1232);
        byte[] wire = new byte[out.readableBytes()];
        out.readBytes(wire);
        Message m = new Message(wire);
        assertEquals(Rcode.BADVERS, m.getRcode());
        assertEquals("MIRROR.example.", m.getQuestion().getName().toString());

        ByteBuf formerr = Unpooled.buffer();
        ResponseWriter.writeError(formerr, q, QueryStatus.BAD_COUNTS, DnsFlags.FORMERR, 1232);
        assertEquals(12, formerr.readableBytes(), "a query we could not read gets the header only");
        assertEquals(DnsFlags.FORMERR, formerr.getUnsignedShort(2) & 0xf);
    }
}
