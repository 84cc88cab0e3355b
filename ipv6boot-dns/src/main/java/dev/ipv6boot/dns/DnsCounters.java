package dev.ipv6boot.dns;

import dev.ipv6boot.dns.wire.QueryStatus;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the forwarder received, answered, forwarded and dropped, by reason. Thread-safe. */
public final class DnsCounters {
    /** Everything counted. */
    public enum Reason {
        RECEIVED_UDP, RECEIVED_TCP,
        ANSWERED_LOCAL, ANSWERED_CACHE, ANSWERED_UPSTREAM, ANSWERED_DNS64,
        /** An answer cut to fit the client's limit with TC set (RFC 1035 §4.2.1, RFC 6891). */
        TRUNCATED,
        /** Query without RD refused under {@code allow} (unbound semantics: no cache snooping). */
        REFUSED_NO_RECURSION,
        ACL_REFUSED, ACL_DENIED,
        MALFORMED_TOO_SHORT, MALFORMED_NOT_A_QUERY, MALFORMED_OPCODE, MALFORMED_COUNTS, MALFORMED_NAME,
        MALFORMED_TRUNCATED, MALFORMED_OPT, MALFORMED_TRAILING_BYTES, BAD_EDNS_VERSION, REFUSED_QUERY_TYPE,
        /** A TCP length prefix over the limit or a connection over the limit: closed. */
        TCP_REJECTED,
        FORWARDED_UDP, FORWARDED_TCP,
        /** A miss that joined an identical question already waiting upstream instead of asking again. */
        COALESCED,
        UPSTREAM_TIMEOUT, UPSTREAM_FAILOVER, UPSTREAM_MALFORMED,
        /** RFC 5452 §9.1: an answer from an address or port we did not ask. */
        SPOOF_WRONG_SOURCE,
        /** RFC 5452 §9.1: an answer whose ID is not the one we sent. */
        SPOOF_WRONG_ID,
        /** RFC 5452 §9.1: an answer for another question. */
        SPOOF_WRONG_QUESTION,
        /** Too many queries already waiting on upstreams: SERVFAIL at once instead of one more socket. */
        OVERLOADED,
        /** No upstream answered in time: SERVFAIL sent. */
        SERVFAIL_SENT,
        /** A client answer could not be sent (channel closed, TCP client gone). */
        REPLY_FAILED,
        /** The application's listener threw; the forwarder carried on. */
        LISTENER_FAILED
    }

    private final LongAdder[] counts = new LongAdder[Reason.values().length];

    DnsCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void increment(Reason reason) {
        counts[reason.ordinal()].increment();
    }

    public long get(Reason reason) {
        return counts[reason.ordinal()].sum();
    }

    /** All non-zero counts. */
    public Map<Reason, Long> snapshot() {
        Map<Reason, Long> out = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            long value = get(reason);
            if (value != 0) {
                out.put(reason, value);
            }
        }
        return out;
    }

    static Reason forStatus(QueryStatus status) {
        return switch (status) {
            case OK -> throw new IllegalArgumentException("OK is not a rejection");
            case TOO_SHORT -> Reason.MALFORMED_TOO_SHORT;
            case NOT_A_QUERY -> Reason.MALFORMED_NOT_A_QUERY;
            case UNSUPPORTED_OPCODE -> Reason.MALFORMED_OPCODE;
            case BAD_COUNTS -> Reason.MALFORMED_COUNTS;
            case BAD_NAME -> Reason.MALFORMED_NAME;
            case TRUNCATED -> Reason.MALFORMED_TRUNCATED;
            case BAD_OPT -> Reason.MALFORMED_OPT;
            case TRAILING_BYTES -> Reason.MALFORMED_TRAILING_BYTES;
            case BAD_EDNS_VERSION -> Reason.BAD_EDNS_VERSION;
            case REFUSED_TYPE -> Reason.REFUSED_QUERY_TYPE;
        };
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
