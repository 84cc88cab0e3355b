package dev.ipv6boot.examples.demo;

import dev.ipv6boot.examples.config.Addresses;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Presents each HTTP and TFTP request to the boot observer as coming from the address the playing client leased.
 * On the loopback every client is {@code ::1}, so the observer could not tell whose download it is; on a real
 * network a booting machine fetches from its leased (or SLAAC EUI-64) address, by which the observer ties the
 * download to its MAC. The demo plays one client at a time, so it knows whose turn it is.
 */
final class LoopbackClients implements ServeListener {
    private final ServeListener next;
    private volatile InetAddress playing;

    LoopbackClients(ServeListener next) {
        this.next = next;
    }

    /** From now on, requests are the client's with this leased address. */
    void playing(long high, long low) {
        playing = Addresses.address(high, low);
    }

    @Override
    public void served(ServeEvent event) {
        InetAddress as = playing;
        ServeEvent shown = as == null || !event.client().getAddress().isLoopbackAddress() ? event
                : new ServeEvent(event.protocol(), new InetSocketAddress(as, event.client().getPort()), event.method(),
                        event.target(), event.status(), event.bytes(), event.started(), event.duration());
        next.served(shown);
    }
}
