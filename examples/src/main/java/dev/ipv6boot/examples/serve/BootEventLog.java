package dev.ipv6boot.examples.serve;

import dev.ipv6boot.dhcp6.codec.Dhcp6MessageType;
import dev.ipv6boot.dhcp6.codec.Dhcp6MessageView;
import dev.ipv6boot.dhcp6.lease.Lease;
import dev.ipv6boot.dhcp6.lease.MachineIdentity;
import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dns.DnsForwarderListener;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import dev.ipv6boot.ndp.codec.Ipv6Address;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;
import dev.ipv6boot.examples.config.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per boot event (a Router Solicitation, a DHCPv6 reply, a lease, a download), never one per dropped
 * packet: drops are counted by the modules, and a flood of them must not become a flood of log lines. DNS queries
 * are logged at debug level only (an installer asks many). The end-to-end tests wait for these lines.
 */
public final class BootEventLog implements Dhcp6Listener, RouterAdvertiserListener, ServeListener, DnsForwarderListener {
    private static final Logger LOG = LoggerFactory.getLogger("ipv6boot.boot");

    @Override
    public void answered(Dhcp6MessageView request, int replyType, long identity) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Dhcp6MessageView client = request.innermost();
        StringBuilder line = new StringBuilder("dhcp6 ").append(Dhcp6MessageType.valueOf(client.messageType()).title())
                .append(" -> ").append(Dhcp6MessageType.valueOf(replyType).title()).append(' ')
                .append(MachineIdentity.toString(identity));
        if (client.archTypeCount() > 0) {
            line.append(" arch 0x").append(String.format("%04x", client.archType(0)));
        }
        if (client.hasUserClass("iPXE")) {
            line.append(" iPXE");
        }
        if (request.isRelay()) {
            line.append(" relayed");
        }
        LOG.info(line.toString());
    }

    static String text(java.util.List<java.net.InetSocketAddress> addresses) {
        return String.join(", ", addresses.stream().map(Addresses::format).toList());
    }

    @Override
    public void leaseBound(Lease lease) {
        LOG.info("dhcp6 bound {}", lease);
    }

    @Override
    public void solicited(Ipv6Address source, long mac) {
        LOG.info("ra Router Solicitation from {}", source);
    }

    @Override
    public void served(ServeEvent event) {
        // The client's port too: it tells one HTTP connection from another (UEFI HTTP Boot's HEAD and GET share one).
        LOG.info("{} {} {} {} -> {} {} bytes in {} ms", event.protocol().name().toLowerCase(java.util.Locale.ROOT),
                Addresses.format(event.client()), event.method(), event.target(), event.status(),
                event.bytes(), event.duration().toMillis());
    }

    @Override
    public void queryAnswered(java.net.InetSocketAddress client, String name, int type, AnswerSource source,
                              int rcode, boolean truncated) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("dns {} {} type {} {} rcode {}", Addresses.literal(client.getAddress()), name, type, source, rcode);
        }
    }
}
