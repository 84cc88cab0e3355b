/**
 * Debian/Ubuntu installer (d-i) preseed files: a typed model ({@link dev.ipv6boot.preseed.di.Preseed}) of the
 * debconf questions provisioning answers, rendered as {@code owner question type value} lines in the format
 * {@code debconf-set-selections} reads, a parser for existing files, and a validator that reports unknown
 * types, ill-typed values, contradicting duplicates and plain-text passwords with their line numbers.
 */
package dev.ipv6boot.preseed.di;
