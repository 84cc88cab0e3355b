package dev.ipv6boot.dhcp6.server;

/** What became of one received datagram: answered, or dropped and why (counted per reason, never logged per packet). */
public enum Outcome {
    /** A reply was written. */
    REPLIED("answered"),
    /** The message did not decode ({@link dev.ipv6boot.dhcp6.codec.Dhcp6MessageView#error()}). */
    MALFORMED("malformed"),
    /** A message only servers send (Advertise, Reply, Reconfigure, Relay-repl). */
    NOT_FOR_SERVER("sent by a server"),
    /** A message type this server does not answer. */
    UNSUPPORTED_TYPE("unsupported message type"),
    /** No Client Identifier where RFC 9915 §16 requires one. */
    NO_CLIENT_ID("no Client Identifier"),
    /** A Server Identifier where RFC 9915 §16 forbids one (Solicit, Confirm, Rebind). */
    UNEXPECTED_SERVER_ID("unexpected Server Identifier"),
    /** No Server Identifier where one is required (Request, Renew, Release, Decline). */
    NO_SERVER_ID("no Server Identifier"),
    /** Addressed to another server (RFC 9915 §16.4 and others). */
    OTHER_SERVER("for another server"),
    /** An Information-request carrying an IA (RFC 9915 §16.12). */
    IA_IN_INFORMATION_REQUEST("IA in Information-request"),
    /** A Confirm without any address, or whose link is unknown (RFC 9915 §18.3.3). */
    CONFIRM_UNANSWERABLE("Confirm that cannot be checked"),
    /** The message is in class DROP. */
    DROP_CLASS("class DROP"),
    /** The lease store could not take the change now (journal backlog full): the client will retransmit. */
    STORE_BUSY("lease store busy"),
    /** Even the essential reply exceeds the maximum reply length. */
    REPLY_TOO_LONG("reply too long"),
    /** More requests from one client than the rate limit allows. */
    RATE_LIMITED("rate limited"),
    /** The server's queue or socket could not take the datagram. */
    OVERLOADED("overloaded");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
