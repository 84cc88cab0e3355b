package dev.ipv6boot.bench.dhcp6;

import io.netty.buffer.ByteBuf;

/**
 * The four captured client messages both DHCPv6 benchmarks feed, each in a pooled direct buffer as a datagram read
 * delivers it. A superclass rather than a {@code @State} parameter so that every {@code @Benchmark} method still
 * reads its message from a field of its own state object, exactly as it did when each benchmark held the fields:
 * the measured code does not change.
 */
abstract class CapturedMessageBuffers {
    ByteBuf uefiPxeSolicit;
    ByteBuf ipxeSolicit;
    ByteBuf dhclientRequest;
    ByteBuf relayForwardTwoHops;

    /** Fills the four buffers; called first by each benchmark's trial setup. */
    final void allocateCapturedMessages() {
        uefiPxeSolicit = CapturedMessages.direct(CapturedMessages.UEFI_PXE_SOLICIT);
        ipxeSolicit = CapturedMessages.direct(CapturedMessages.IPXE_SOLICIT);
        dhclientRequest = CapturedMessages.direct(CapturedMessages.DHCLIENT_REQUEST);
        relayForwardTwoHops = CapturedMessages.direct(CapturedMessages.RELAY_FORWARD_TWO_HOPS);
    }

    /** The four buffers, in the order above. */
    final ByteBuf[] capturedMessages() {
        return new ByteBuf[]{uefiPxeSolicit, ipxeSolicit, dhclientRequest, relayForwardTwoHops};
    }

    /** Releases the four buffers; called by each benchmark's trial teardown. */
    final void releaseCapturedMessages() {
        for (ByteBuf message : capturedMessages()) {
            message.release();
        }
    }
}
