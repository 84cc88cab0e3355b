package dev.ipv6boot.ndp.codec;

/** A message that fails validation, with the {@link NdpStatus} a counter would record. */
public final class NdpFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final NdpStatus status;

    public NdpFormatException(NdpStatus status, String message) {
        super(status + ": " + message);
        this.status = status;
    }

    public NdpStatus status() {
        return status;
    }
}
