/**
 * Artifact server, HTTP and TFTP (RFC 1350, 2347-2349, 7440): not yet implemented, see the module README.
 */
package dev.ipv6boot.http;
