package dev.ipv6boot.dns;

import java.net.InetSocketAddress;

/**
 * What a {@link DnsForwarder} tells the application, so that one machine's boot can be followed across
 * services. Called on event-loop threads: return quickly, never block. Every method has an empty default.
 * Names are in presentation form ({@code "boot.example."}); types are RR type numbers (28 for AAAA).
 */
public interface DnsForwarderListener {
    /** A listener that does nothing; the forwarder then builds no event arguments at all. */
    DnsForwarderListener NONE = new DnsForwarderListener() {
    };

    /** A query was sent upstream (after a cache miss). */
    default void queryForwarded(InetSocketAddress client, String name, int type, InetSocketAddress upstream) {
    }

    /** A query was answered; {@code source} says from where, {@code rcode} what. */
    default void queryAnswered(InetSocketAddress client, String name, int type, AnswerSource source, int rcode,
                               boolean truncated) {
    }

    /** A query was refused or dropped by access control, or dropped or answered with an error as malformed. */
    default void queryRejected(InetSocketAddress client, DnsCounters.Reason reason) {
    }

    /** Where an answer came from. */
    enum AnswerSource {
        LOCAL, CACHE, UPSTREAM, DNS64, SYNTHESIZED_ERROR
    }
}
