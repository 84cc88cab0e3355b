package dev.ipv6boot.examples.serve;

import dev.ipv6boot.dhcp6.server.Dhcp6Listener;
import dev.ipv6boot.dns.DnsForwarderListener;
import dev.ipv6boot.http.ServeListener;
import dev.ipv6boot.ndp.sender.RouterAdvertiserListener;
import java.util.Objects;

/**
 * The four modules' listener interfaces in one value, so that one observer (a boot timeline, metrics) can be
 * plugged into every service of an {@link Ipv6bootServer} at once. Each defaults to doing nothing.
 *
 * @param dhcp6 told of DHCPv6 replies, bound leases and drops
 * @param ra    told of Router Solicitations and Advertisements
 * @param serve told of every HTTP request and TFTP transfer
 * @param dns   told of DNS queries forwarded, answered and rejected
 */
public record BootListeners(Dhcp6Listener dhcp6, RouterAdvertiserListener ra, ServeListener serve,
                            DnsForwarderListener dns) {

    /** Listeners that do nothing. */
    public static final BootListeners NONE = new BootListeners(null, null, null, null);

    public BootListeners {
        dhcp6 = dhcp6 == null ? Dhcp6Listener.NONE : dhcp6;
        ra = ra == null ? RouterAdvertiserListener.NONE : ra;
        serve = serve == null ? event -> { } : serve;
        dns = dns == null ? DnsForwarderListener.NONE : dns;
    }

    /** Both: each event goes to these listeners, then to {@code other}'s. */
    public BootListeners and(BootListeners other) {
        BootListeners a = this;
        Dhcp6Listener d = new Dhcp6Listener() {
            @Override
            public void answered(dev.ipv6boot.dhcp6.codec.Dhcp6MessageView request, int replyType, long identity) {
                a.dhcp6.answered(request, replyType, identity);
                other.dhcp6.answered(request, replyType, identity);
            }

            @Override
            public void leaseBound(dev.ipv6boot.dhcp6.lease.Lease lease) {
                a.dhcp6.leaseBound(lease);
                other.dhcp6.leaseBound(lease);
            }

            @Override
            public void dropped(dev.ipv6boot.dhcp6.server.Outcome reason) {
                a.dhcp6.dropped(reason);
                other.dhcp6.dropped(reason);
            }
        };
        RouterAdvertiserListener r = new RouterAdvertiserListener() {
            @Override
            public void solicited(dev.ipv6boot.ndp.codec.Ipv6Address source, long mac) {
                a.ra.solicited(source, mac);
                other.ra.solicited(source, mac);
            }

            @Override
            public void advertised(dev.ipv6boot.ndp.codec.Ipv6Address destination, boolean solicited) {
                a.ra.advertised(destination, solicited);
                other.ra.advertised(destination, solicited);
            }
        };
        ServeListener s = event -> {
            a.serve.served(event);
            other.serve.served(event);
        };
        DnsForwarderListener n = new DnsForwarderListener() {
            @Override
            public void queryForwarded(java.net.InetSocketAddress client, String name, int type,
                                       java.net.InetSocketAddress upstream) {
                a.dns.queryForwarded(client, name, type, upstream);
                other.dns.queryForwarded(client, name, type, upstream);
            }

            @Override
            public void queryAnswered(java.net.InetSocketAddress client, String name, int type, AnswerSource source,
                                      int rcode, boolean truncated) {
                a.dns.queryAnswered(client, name, type, source, rcode, truncated);
                other.dns.queryAnswered(client, name, type, source, rcode, truncated);
            }

            @Override
            public void queryRejected(java.net.InetSocketAddress client, dev.ipv6boot.dns.DnsCounters.Reason reason) {
                a.dns.queryRejected(client, reason);
                other.dns.queryRejected(client, reason);
            }
        };
        return new BootListeners(d, r, s, n);
    }

    /** One object implementing all four (such as a boot observer). */
    public static <T extends Dhcp6Listener & RouterAdvertiserListener & ServeListener & DnsForwarderListener>
            BootListeners of(T all) {
        Objects.requireNonNull(all, "all");
        return new BootListeners(all, all, all, all);
    }
}
