package dev.ipv6boot.dns.wire;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DnsAnswerTest {
    private static Message base(int rcode) throws Exception {
        Message m = new Message(1);
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setRcode(rcode);
        m.addRecord(Record.newRecord(Name.fromString("a.example."), Type.AAAA, DClass.IN), Section.QUESTION);
        return m;
    }

    private static SOARecord soa(long ttl, long minimum) throws Exception {
        return new SOARecord(Name.fromString("example."), DClass.IN, ttl, Name.fromString("ns.example."),
                Name.fromString("h.example."), 1, 2, 3, 4, minimum);
    }

    @Test
    void positiveAnswersLiveAsLongAsTheirShortestTtl() throws Exception {
        Message m = base(Rcode.NOERROR);
        m.addRecord(new AAAARecord(Name.fromString("a.example."), DClass.IN, 300, InetAddress.getByName("2001:db8::1")), Section.ANSWER);
        m.addRecord(new AAAARecord(Name.fromString("a.example."), DClass.IN, 90, InetAddress.getByName("2001:db8::2")), Section.ANSWER);
        assertEquals(90, DnsAnswer.of(m).cacheTtl());
    }

    @Test
    void negativeAnswersLiveForTheSmallerOfSoaTtlAndMinimum() throws Exception {
        Message nx = base(Rcode.NXDOMAIN);
        nx.addRecord(soa(3600, 300), Section.AUTHORITY);
        assertEquals(300, DnsAnswer.of(nx).cacheTtl());
        Message nodata = base(Rcode.NOERROR);
        nodata.addRecord(soa(60, 300), Section.AUTHORITY);
        assertEquals(60, DnsAnswer.of(nodata).cacheTtl());
        assertEquals(-1, DnsAnswer.of(base(Rcode.NXDOMAIN)).cacheTtl(), "no SOA: not cached, RFC 2308 §5");
        assertEquals(-1, DnsAnswer.of(base(Rcode.SERVFAIL)).cacheTtl());
    }

    @Test
    void removesAnOptRecordWhereverItSits() throws Exception {
        Message m = base(Rcode.NOERROR);
        m.addRecord(new AAAARecord(Name.fromString("a.example."), DClass.IN, 300, InetAddress.getByName("2001:db8::1")), Section.ANSWER);
        m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        m.addRecord(new ARecord(Name.fromString("ns.a.example."), DClass.IN, 300, InetAddress.getByName("192.0.2.1")), Section.ADDITIONAL);
        m.addRecord(new ARecord(Name.fromString("ns2.a.example."), DClass.IN, 300, InetAddress.getByName("192.0.2.2")), Section.ADDITIONAL);
        DnsAnswer answer = DnsAnswer.index(Unpooled.wrappedBuffer(m.toWire()));
        assertEquals(2, answer.additionalCount());
        Message back = new Message(answer.toByteArray());
        assertEquals(null, back.getOPT());
        assertEquals(2, back.getSection(Section.ADDITIONAL).size());
        assertEquals("ns2.a.example.", back.getSection(Section.ADDITIONAL).get(1).getName().toString());
    }

    @Test
    void rejectsMalformedResponsesWithAReason() throws Exception {
        Message m = base(Rcode.NOERROR);
        m.addRecord(new AAAARecord(Name.fromString("a.example."), DClass.IN, 300, InetAddress.getByName("2001:db8::1")), Section.ANSWER);
        byte[] wire = m.toWire();
        assertThrows(DnsAnswer.MalformedResponseException.class,
                () -> DnsAnswer.index(Unpooled.wrappedBuffer(Arrays.copyOf(wire, wire.length - 1))));
        assertThrows(DnsAnswer.MalformedResponseException.class,
                () -> DnsAnswer.index(Unpooled.wrappedBuffer(Arrays.copyOf(wire, wire.length + 1))));
        byte[] loop = wire.clone();
        int answerName = wire.length - 28;                        // answer owner is a 2-byte pointer to 12
        loop[answerName] = (byte) 0xc0;
        loop[answerName + 1] = (byte) answerName;                 // pointing at itself
        assertThrows(DnsAnswer.MalformedResponseException.class, () -> DnsAnswer.index(Unpooled.wrappedBuffer(loop)));
    }

    @Test
    void randomBytesNeverThrowAnythingButTheTypedException() {
        Random random = new Random(5452);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(80)];
            random.nextBytes(input);
            if (input.length > 5) {
                input[4] = 0;
                input[5] = 1;                                     // one question, to get further in
            }
            try {
                DnsAnswer.index(Unpooled.wrappedBuffer(input));
            } catch (DnsAnswer.MalformedResponseException expected) {
                // the only acceptable failure
            }
        }
    }
}
