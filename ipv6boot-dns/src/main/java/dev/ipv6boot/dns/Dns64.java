package dev.ipv6boot.dns;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsFlags;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * DNS64 synthesis (RFC 6147 §5.1): AAAA records made from A records by embedding the IPv4 address in the
 * low 32 bits of a /96 prefix (RFC 6052 §2.2), for IPv6-only hosts reaching IPv4-only mirrors through NAT64.
 * Runs on the miss path only, so it uses dnsjava freely.
 */
final class Dns64 {
    private Dns64() {
    }

    /** §5.1.1-5.1.2: synthesize only for NOERROR answers with no AAAA record (NODATA); NXDOMAIN stands. */
    static boolean wantsSynthesis(DnsAnswer aaaa) {
        if (aaaa.rcode() != DnsFlags.NOERROR) {
            return false;
        }
        if (aaaa.answerCount() == 0) {
            return true;
        }
        Message message = parse(aaaa);
        return message != null && message.getSection(Section.ANSWER).stream().noneMatch(r -> r.getType() == Type.AAAA);
    }

    /**
     * The synthesized answer to the client's AAAA question, or null when the A answer has no A record. The
     * CNAMEs of the A answer are kept; each AAAA lives min(A TTL, the AAAA answer's negative TTL) (§5.1.7).
     */
    static DnsAnswer synthesize(Inet6Address prefix, DnsAnswer aaaa, DnsAnswer a) {
        Message answer = parse(a);
        if (answer == null || a.rcode() != DnsFlags.NOERROR) {
            return null;
        }
        List<Record> records = answer.getSection(Section.ANSWER);
        if (records.stream().noneMatch(r -> r.getType() == Type.A)) {
            return null;
        }
        Message aaaaMessage = parse(aaaa);
        if (aaaaMessage == null) {
            return null;
        }
        Name name = aaaaMessage.getQuestion().getName();
        long negativeTtl = aaaa.cacheTtl() >= 0 ? aaaa.cacheTtl() : Long.MAX_VALUE;
        Message out = new Message(0);
        out.getHeader().setFlag(Flags.QR);
        out.getHeader().setFlag(Flags.RA);
        out.addRecord(Record.newRecord(name, Type.AAAA, DClass.IN), Section.QUESTION);
        byte[] base = prefix.getAddress();
        for (Record record : records) {
            if (record instanceof CNAMERecord) {
                out.addRecord(record, Section.ANSWER);
            } else if (record instanceof ARecord aRecord) {
                byte[] v6 = base.clone();
                System.arraycopy(aRecord.getAddress().getAddress(), 0, v6, 12, 4);   // RFC 6052 §2.2, /96
                try {
                    out.addRecord(new AAAARecord(record.getName(), DClass.IN,
                            Math.min(record.getTTL(), negativeTtl), InetAddress.getByAddress(v6)), Section.ANSWER);
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return DnsAnswer.of(out);
    }

    private static Message parse(DnsAnswer answer) {
        try {
            return new Message(answer.toByteArray());
        } catch (IOException e) {
            return null;
        }
    }
}
