package dev.ipv6boot.dns.wire;

/**
 * What {@link DnsQueryView#parse} made of a datagram, and what a server must do about it. Every malformed
 * shape has its own constant so that it can be counted; none of them is an exception.
 */
public enum QueryStatus {
    /** A well-formed standard query: one question, at most one OPT record. */
    OK(Action.ANSWER),
    /** Fewer than the 12 header bytes (RFC 1035 §4.1.1): there is no ID to answer to. */
    TOO_SHORT(Action.DROP),
    /** QR set: a response sent to a server. Answering it could start a loop between two servers. */
    NOT_A_QUERY(Action.DROP),
    /** An opcode other than QUERY (0): NOTIFY, UPDATE, IQUERY... are not a forwarder's business. */
    UNSUPPORTED_OPCODE(Action.NOTIMP),
    /** QDCOUNT not 1, or answer/authority records in a query, or more than one additional record. */
    BAD_COUNTS(Action.FORMERR),
    /** The question name: a compression pointer, a reserved label type, a label over 63 or a name over 255 bytes. */
    BAD_NAME(Action.FORMERR),
    /** The message ends inside the question or inside the additional record. */
    TRUNCATED(Action.FORMERR),
    /** The additional record is not a well-formed OPT (RFC 6891 §6.1.2): owner not root, options overrun. */
    BAD_OPT(Action.FORMERR),
    /** Bytes after the last record: the counts and the length disagree. */
    TRAILING_BYTES(Action.FORMERR),
    /** EDNS version above 0 (RFC 6891 §6.1.3): answered BADVERS. */
    BAD_EDNS_VERSION(Action.BADVERS),
    /** AXFR, IXFR, MAILA, MAILB, or a class other than IN/CH/ANY: refused, a forwarder does not transfer zones. */
    REFUSED_TYPE(Action.REFUSED);

    /** The server's response to a query with this status. */
    public enum Action {
        ANSWER, DROP, FORMERR, NOTIMP, BADVERS, REFUSED
    }

    private final Action action;

    QueryStatus(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }
}
