/**
 * A read-only TFTP server over IPv6: RFC 1350 with the option extension (RFC 2347), blksize (RFC 2348),
 * tsize and timeout (RFC 2349) and windowsize (RFC 7440), using the HTTP server's
 * {@link dev.ipv6boot.http.ArtifactRoot} rules. Entry point: {@link dev.ipv6boot.http.tftp.TftpServer}.
 */
package dev.ipv6boot.http.tftp;
