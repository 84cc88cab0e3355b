package dev.ipv6boot.ndp.codec;

/**
 * Outcome of {@link NdpMessageView#parse}: {@link #OK}, or the reason the message must be dropped. Receivers
 * count drops by this reason (RFC 4861 §6.1 lists the validity checks).
 */
public enum NdpStatus {
    OK,
    /** Shorter than its fixed header (8 bytes RS, 16 RA, 24 NS). */
    TRUNCATED,
    /** Longer than {@link NdpLimits#maxMessageLength()}. */
    TOO_LONG,
    /** Not a Router Solicitation, Router Advertisement or Neighbor Solicitation. */
    UNSUPPORTED_TYPE,
    /** ICMP code other than 0 (RFC 4861 §6.1.1, §6.1.2, §7.1.1). */
    BAD_CODE,
    /** An option with length 0, which RFC 4861 §4.6 says invalidates the whole message. */
    ZERO_LENGTH_OPTION,
    /** An option running past the end of the message. */
    OPTION_OVERRUNS_MESSAGE,
    /** More options than {@link NdpLimits#maxOptions()}. */
    TOO_MANY_OPTIONS,
    /** A known option whose length or contents contradict its RFC (e.g. a PIO that is not 32 bytes). */
    MALFORMED_OPTION,
    /** A solicitation from the unspecified address carrying a source link-layer address (RFC 4861 §6.1.1). */
    UNSPECIFIED_SOURCE_WITH_LINK_LAYER_ADDRESS
}
