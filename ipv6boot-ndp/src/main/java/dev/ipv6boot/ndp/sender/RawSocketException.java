package dev.ipv6boot.ndp.sender;

import java.io.IOException;

/** The raw ICMPv6 socket could not be opened or used; the message says what to change (JDK, capability, interface). */
public final class RawSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    public RawSocketException(String message) {
        super(message);
    }

    public RawSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
