/**
 * Problem reports shared by every validator of this module: a {@link dev.ipv6boot.preseed.validation.Problem}
 * says what is wrong, where (the line, when the input was text) and how bad it is; a
 * {@link dev.ipv6boot.preseed.validation.Validation} collects them.
 */
package dev.ipv6boot.preseed.validation;
