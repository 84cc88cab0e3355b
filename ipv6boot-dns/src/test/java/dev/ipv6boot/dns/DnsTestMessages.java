package dev.ipv6boot.dns;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Building queries and answers with dnsjava, an independent implementation, for tests. */
final class DnsTestMessages {
    private DnsTestMessages() {
    }

    static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Message query(String name, int type, boolean edns) {
        Message query = Message.newQuery(Record.newRecord(name(name), type, DClass.IN));
        if (edns) {
            query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return query;
    }

    /** The answer to {@code query} with {@code records} in the answer section and the same ID and question. */
    static Message answer(Message query, int rcode, List<Record> answers, List<Record> authority) {
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.RD);
        answer.getHeader().setFlag(Flags.RA);
        answer.getHeader().setRcode(rcode);
        answer.addRecord(query.getQuestion(), Section.QUESTION);
        answers.forEach(r -> answer.addRecord(r, Section.ANSWER));
        authority.forEach(r -> answer.addRecord(r, Section.AUTHORITY));
        if (query.getOPT() != null) {
            answer.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return answer;
    }

    static Message answer(Message query, List<Record> answers) {
        return answer(query, Rcode.NOERROR, answers, List.of());
    }

    static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
