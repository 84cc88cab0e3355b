package dev.ipv6boot.dhcp6.server;

/**
 * Where a datagram came from, as the socket layer knows it: mutable and reused per thread.
 */
public final class LinkContext {
    String interfaceName;
    long sourceHigh;
    long sourceLow;
    long now;

    /** Sets the arrival interface (for subnet selection of direct clients), IPv6 source and time (epoch seconds). */
    public LinkContext set(String interfaceName, long sourceHigh, long sourceLow, long nowSeconds) {
        this.interfaceName = interfaceName;
        this.sourceHigh = sourceHigh;
        this.sourceLow = sourceLow;
        this.now = nowSeconds;
        return this;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public long sourceHigh() {
        return sourceHigh;
    }

    public long sourceLow() {
        return sourceLow;
    }

    public long now() {
        return now;
    }
}
