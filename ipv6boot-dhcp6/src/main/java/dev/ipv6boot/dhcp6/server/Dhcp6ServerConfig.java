package dev.ipv6boot.dhcp6.server;

import java.nio.file.Path;
import java.util.List;

/**
 * How the server listens and keeps leases.
 *
 * @param interfaces       interfaces whose link-local clients are served: the server joins ff02::1:2
 *                         (All_DHCP_Relay_Agents_and_Servers, RFC 9915 §7.1) on each, on its own socket bound to
 *                         that group and interface, so it knows where each Solicit came from
 * @param unicastAddresses local addresses relays send to (RFC 9915 §19); a socket is bound on each
 * @param serverPort       547, or another port for tests
 * @param clientPort       546, where direct clients are answered
 * @param receiveBuffer    SO_RCVBUF in octets: a boot storm is a burst the socket must hold while the loop drains
 *                         it (about 1 KiB of kernel memory per small datagram, so 16 MiB holds some 16,000 Solicits);
 *                         the kernel caps it at {@code net.core.rmem_max} unless the epoll transport may force it
 *                         (CAP_NET_ADMIN)
 * @param journal          the lease journal file, or null to keep leases in memory only
 * @param salt             16 octets shared by replicas, so they hash machines to the same addresses
 * @param serverMac        the MAC of the Server Identifier (DUID-LL); replicas share it
 * @param ratePerClient    messages per second answered per machine (0 for no limit)
 * @param maxHeldReplies   replies waiting for the journal's fsync before new binds are dropped
 * @param transport        epoll when available ({@link Dhcp6Transport#AUTO}), or one chosen
 */
public record Dhcp6ServerConfig(List<String> interfaces, List<String> unicastAddresses, int serverPort, int clientPort,
                                int receiveBuffer, Path journal, byte[] salt, long serverMac, double ratePerClient,
                                int maxHeldReplies, Dhcp6Transport transport) {

    /** The default receive buffer: a 16,000-machine burst of Solicits (see {@code receiveBuffer}). */
    public static final int STORM_RECEIVE_BUFFER = 16 << 20;

    public Dhcp6ServerConfig {
        interfaces = List.copyOf(interfaces);
        unicastAddresses = List.copyOf(unicastAddresses);
        if (interfaces.isEmpty() && unicastAddresses.isEmpty()) {
            throw new IllegalArgumentException("nothing to listen on: give interfaces or unicast addresses");
        }
        if (salt == null || salt.length != 16) {
            throw new IllegalArgumentException("the salt is 16 octets");
        }
        salt = salt.clone();
        if (maxHeldReplies < 1) {
            throw new IllegalArgumentException("maxHeldReplies must be positive");
        }
        if (transport == null) {
            transport = Dhcp6Transport.AUTO;
        }
    }

    /** As the canonical constructor, with the transport chosen automatically (epoll when available). */
    public Dhcp6ServerConfig(List<String> interfaces, List<String> unicastAddresses, int serverPort, int clientPort,
                             int receiveBuffer, Path journal, byte[] salt, long serverMac, double ratePerClient,
                             int maxHeldReplies) {
        this(interfaces, unicastAddresses, serverPort, clientPort, receiveBuffer, journal, salt, serverMac,
                ratePerClient, maxHeldReplies, Dhcp6Transport.AUTO);
    }

    /** Standard ports, a 16 MiB receive buffer, 20 messages/s per machine, 65,536 held replies, epoll if available. */
    public static Dhcp6ServerConfig of(List<String> interfaces, List<String> unicastAddresses, Path journal,
                                       byte[] salt, long serverMac) {
        return new Dhcp6ServerConfig(interfaces, unicastAddresses, 547, 546, STORM_RECEIVE_BUFFER, journal, salt,
                serverMac, 20, 65_536);
    }

    /** This configuration with another transport. */
    public Dhcp6ServerConfig withTransport(Dhcp6Transport value) {
        return new Dhcp6ServerConfig(interfaces, unicastAddresses, serverPort, clientPort, receiveBuffer, journal, salt,
                serverMac, ratePerClient, maxHeldReplies, value);
    }
}
