package dev.ipv6boot.testkit.pcap;

import java.io.IOException;

/** The file is not a classic pcap file, or a record runs past its end. */
public final class PcapFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public PcapFormatException(String message) {
        super(message);
    }
}
