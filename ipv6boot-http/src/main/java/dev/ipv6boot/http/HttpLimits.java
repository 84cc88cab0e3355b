package dev.ipv6boot.http;

import java.time.Duration;

/**
 * Bounds on what one client can make the HTTP server hold.
 *
 * @param maxRequestLineLength longest request line, else 414 (RFC 9112 §3 recommends at least 8000; boot
 *                             clients send under 200)
 * @param maxHeaderSize        total header bytes, else 431 (RFC 6585 §5)
 * @param maxConnections       open connections; more are closed at once
 * @param idleTimeout          a connection that neither sends nor reads for this long is closed, also mid-download
 * @param requestHeadTimeout   the whole request head must arrive within this (slowloris)
 */
public record HttpLimits(int maxRequestLineLength, int maxHeaderSize, int maxConnections, Duration idleTimeout,
                         Duration requestHeadTimeout) {

    public HttpLimits {
        if (maxRequestLineLength < 64 || maxHeaderSize < 256 || maxConnections < 1) {
            throw new IllegalArgumentException("limits too small: " + maxRequestLineLength + "/" + maxHeaderSize + "/" + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestHeadTimeout.isNegative() || requestHeadTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** 4 KiB line, 8 KiB headers, 10,000 connections, 60 s idle, 20 s for a request head. */
    public static HttpLimits defaults() {
        return new HttpLimits(4096, 8192, 10_000, Duration.ofSeconds(60), Duration.ofSeconds(20));
    }
}
