package dev.ipv6boot.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * One request answered, by HTTP or TFTP: what an application correlates with DHCPv6 leases to follow one
 * machine's boot.
 *
 * @param protocol  which server answered
 * @param client    the client's address and port
 * @param method    {@code GET}/{@code HEAD}/… for HTTP, {@code RRQ}/{@code WRQ} for TFTP
 * @param target    the request target as the client sent it (HTTP), or the file name (TFTP)
 * @param status    the HTTP status; for TFTP 0 when the transfer completed, else the RFC 1350 §5 error code
 *                  sent (or -1 when the client vanished)
 * @param bytes     body bytes sent (for TFTP: file bytes acknowledged)
 * @param started   when the request arrived
 * @param duration  until the last byte was handed to the kernel (HTTP) or acknowledged (TFTP)
 */
public record ServeEvent(Protocol protocol, InetSocketAddress client, String method, String target, int status,
                         long bytes, Instant started, Duration duration) {

    /** The server that produced an event. */
    public enum Protocol { HTTP, TFTP }
}
