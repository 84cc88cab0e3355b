package dev.ipv6boot.dhcp6.codec.option;

/**
 * Captive-Portal (option 103, RFC 8910 §2.2): the URI of the captive portal API as text, no terminator.
 * {@link #UNRESTRICTED} tells clients there is no captive portal (RFC 8910 §2).
 */
public final class CaptivePortal {
    public static final String UNRESTRICTED = "urn:ietf:params:capport:unrestricted";

    private CaptivePortal() {
    }
}
