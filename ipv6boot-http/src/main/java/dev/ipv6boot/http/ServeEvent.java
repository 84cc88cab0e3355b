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
 * @param status    the HTTP status; for TFTP {@link #TFTP_COMPLETE}, the RFC 1350 §5 error code we sent,
 *                  {@link #TFTP_STOPPED_BY_CLIENT} or {@link #TFTP_CLIENT_VANISHED}
 * @param bytes     body bytes sent (for TFTP: file bytes acknowledged)
 * @param started   when the request arrived
 * @param duration  until the last byte was handed to the kernel (HTTP) or acknowledged (TFTP)
 */
public record ServeEvent(Protocol protocol, InetSocketAddress client, String method, String target, int status,
                         long bytes, Instant started, Duration duration) {

    /** TFTP status: every block acknowledged. */
    public static final int TFTP_COMPLETE = 0;
    /** TFTP status: the client timed out, closed or became unreachable mid-transfer. */
    public static final int TFTP_CLIENT_VANISHED = -1;
    /**
     * TFTP status: the client sent an ERROR and stopped. UEFI PXE firmware does this on every boot once it has the
     * file size from the OACK (RFC 2349 tsize), before it asks again for the file itself: not a failure.
     */
    public static final int TFTP_STOPPED_BY_CLIENT = -2;

    /** The server that produced an event. */
    public enum Protocol { HTTP, TFTP }
}
