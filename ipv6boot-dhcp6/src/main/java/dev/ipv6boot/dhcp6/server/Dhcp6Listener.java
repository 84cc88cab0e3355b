package dev.ipv6boot.dhcp6.server;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.lease.Lease;

/**
 * Told what the server does, so an application can follow one machine's boot across services (DESIGN.md).
 * Called on the event loop: return quickly, never block, copy what you keep (the arguments are reused).
 */
public interface Dhcp6Listener {

    /** A reply of {@code replyType} was sent for {@code request} from machine {@code identity}. */
    default void answered(Dhcp6MessageView request, int replyType, long identity) {
    }

    /** A lease was bound or extended (recorded; the Reply waits until it is also durable). */
    default void leaseBound(Lease lease) {
    }

    /** A datagram was dropped for {@code reason}. */
    default void dropped(Outcome reason) {
    }

    /** A listener that does nothing. */
    Dhcp6Listener NONE = new Dhcp6Listener() {
    };
}
