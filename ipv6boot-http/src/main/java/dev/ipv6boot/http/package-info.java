/**
 * The artifact server: {@link dev.ipv6boot.http.ArtifactServer} serves boot files over HTTP/1.1 (RFC 9110,
 * RFC 9112: GET, HEAD, keep-alive, ranges, conditional requests) with zero-copy sendfile, per-machine
 * dynamic content and boot-storm admission control; {@link dev.ipv6boot.http.ArtifactRoot} is the single
 * path-to-file rule shared with the TFTP server in {@code dev.ipv6boot.http.tftp}.
 */
package dev.ipv6boot.http;
