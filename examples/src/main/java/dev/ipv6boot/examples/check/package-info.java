/**
 * {@code ipv6boot check}: validates a configuration file without starting anything, schema errors and the
 * consistency lint across services, printed the way compilers print ({@code file:line:column: error: ...}).
 */
package dev.ipv6boot.examples.check;
