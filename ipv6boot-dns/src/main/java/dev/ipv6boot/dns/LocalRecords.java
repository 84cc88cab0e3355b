package dev.ipv6boot.dns;

import dev.ipv6boot.dns.wire.DnsAnswer;
import dev.ipv6boot.dns.wire.DnsQueryView;
import dev.ipv6boot.dns.wire.QuestionKey;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the forwarder answers itself: the boot server's, and per-machine AAAA and PTR records an application
 * adds and removes at run time (from DHCPv6 leases, say). Answers are built once per change, with AA set, and
 * served like cache hits. A local name asked for a type it lacks gets an authoritative NODATA rather than
 * being forwarded, so a host's A query does not leak its boot-network name upstream. Thread-safe.
 */
public final class LocalRecords {
    private final Map<QuestionKey, List<Record>> rrsets = new HashMap<>();   // guarded by this
    private final Map<QuestionKey, DnsAnswer> answers = new ConcurrentHashMap<>();
    private final Map<QuestionKey, Integer> names = new ConcurrentHashMap<>(); // name key -> rrset count

    LocalRecords(List<LocalRecord> initial) {
        for (LocalRecord record : initial) {
            add(record.record());
        }
    }

    /** Adds a host's AAAA (or A) and PTR records, replacing earlier ones of the same name and type. */
    public void putHost(String name, InetAddress address) {
        List<LocalRecord> records = LocalRecord.host(name, address);
        synchronized (this) {
            for (LocalRecord record : records) {
                removeRrset(record.record().getName(), record.record().getType());
                add(record.record());
            }
        }
    }

    /** Removes a host's address record and the PTR of {@code address}. */
    public synchronized void removeHost(String name, InetAddress address) {
        for (LocalRecord record : LocalRecord.host(name, address)) {
            removeRrset(record.record().getName(), record.record().getType());
        }
    }

    /** Adds one record to its RRset. */
    public synchronized void add(Record record) {
        QuestionKey key = keyOf(record.getName(), record.getType());
        List<Record> rrset = rrsets.computeIfAbsent(key, k -> new ArrayList<>());
        if (rrset.isEmpty()) {
            names.merge(nameKey(record.getName()), 1, Integer::sum);
        }
        if (!rrset.contains(record)) {
            rrset.add(record);
        }
        answers.put(key, build(record.getName(), record.getType(), rrset));
    }

    /** Removes the RRset of {@code name} and {@code type} (an RR type number). */
    public synchronized void removeRrset(Name name, int type) {
        QuestionKey key = keyOf(name, type);
        if (rrsets.remove(key) != null) {
            answers.remove(key);
            names.computeIfPresent(nameKey(name), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** The number of local RRsets. */
    public int size() {
        return answers.size();
    }

    /** The local answer to {@code query}, a NODATA answer if only the name is local, or null. */
    DnsAnswer lookup(DnsQueryView query) {
        if (answers.isEmpty() || query.qclass() != DClass.IN) {
            return null;
        }
        DnsAnswer answer = answers.get(query.plainKey());
        if (answer != null) {
            return answer;
        }
        if (names.containsKey(query.nameKey())) {
            return noData(query);
        }
        return null;
    }

    private static DnsAnswer noData(DnsQueryView query) {
        Name name = LocalRecord.absolute(query.nameString());
        return build(name, query.qtype(), List.of());
    }

    private static DnsAnswer build(Name name, int type, List<Record> rrset) {
        Message message = new Message(0);
        message.getHeader().setFlag(Flags.QR);
        message.getHeader().setFlag(Flags.AA);
        message.getHeader().setFlag(Flags.RA);
        message.getHeader().setRcode(Rcode.NOERROR);
        message.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
        for (Record record : rrset) {
            message.addRecord(record, Section.ANSWER);
        }
        return DnsAnswer.of(message);
    }

    private static QuestionKey keyOf(Name name, int type) {
        return QuestionKey.of(name.toWireCanonical(), type, DClass.IN, 0);
    }

    private static QuestionKey nameKey(Name name) {
        return QuestionKey.of(name.toWireCanonical(), 0, 0, 0);
    }
}
