package dev.ipv6boot.http.tftp;

/** What {@link TftpServer} counts: requests by outcome, drops by reason, retransmissions and bytes. */
public enum TftpCounter {
    /** Datagrams received on the listening port. */
    REQUESTS,
    /** Read requests accepted and begun. */
    TRANSFERS_STARTED,
    /** Transfers whose last block was acknowledged. */
    TRANSFERS_COMPLETED,
    /** Transfers abandoned after the last retransmission went unanswered. */
    TRANSFERS_TIMED_OUT,
    /** Transfers the client ended with an ERROR packet (RFC 2347: code 8 refuses our options). */
    TRANSFERS_ABORTED_BY_CLIENT,
    /** OACKs sent (RFC 2347). */
    OPTIONS_ACKNOWLEDGED,
    /** Write requests, refused with ERROR 2: the server is read-only. */
    WRITE_REFUSED,
    /** Requests that do not parse (RFC 1350 §5 layout, RFC 2347 option list): ERROR 4. */
    MALFORMED,
    /** DATA, ACK, OACK or an unknown opcode on the listening port: ERROR 4. */
    ILLEGAL_OPERATION,
    /** A mode other than octet and netascii ("mail" is obsolete): ERROR 4. */
    ILLEGAL_MODE,
    /** File not found, or a dot-file: ERROR 1. */
    NOT_FOUND,
    /** A path refused by the root rules (traversal, link out of the root, not a file): ERROR 2. */
    ACCESS_VIOLATION,
    /** A netascii file too large to translate in memory, or a read error: ERROR 0. */
    FILE_ERRORS,
    /** Requests refused because {@code maxTransfers} were running: ERROR 0. */
    BUSY,
    /** A request repeated by a client whose transfer is running (its retransmission): ignored. */
    DUPLICATE_REQUESTS,
    /** Packets to a transfer's port from another address or port: ERROR 5 to the sender (RFC 1350 §4). */
    UNKNOWN_TRANSFER_ID,
    /** ACKs for blocks already acknowledged or never sent, and stray packets: ignored (RFC 1123 §4.2.3.1). */
    STALE_PACKETS,
    /** Windows (or OACKs) sent again after a timeout. */
    RETRANSMISSIONS,
    /** File bytes acknowledged by clients. */
    DATA_BYTES
}
