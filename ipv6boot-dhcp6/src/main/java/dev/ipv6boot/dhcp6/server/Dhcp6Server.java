package dev.ipv6boot.dhcp6.server;

import dev.ipv6boot.dhcp6.lease.AddressChooser;
import dev.ipv6boot.dhcp6.lease.InMemoryLeaseStore;
import dev.ipv6boot.dhcp6.lease.LeaseStore;
import dev.ipv6boot.dhcp6.policy.Dhcp6Policy;
import dev.ipv6boot.dhcp6.policy.Ipv6Prefix;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHCPv6 server: Netty UDP sockets on port 547, one event-loop thread that owns the {@link Dhcp6Responder}
 * and the lease store, and the journal's own thread for the disk.
 * <ul>
 *   <li>per configured interface, a socket bound to {@code [ff02::1:2%iface]:547} that joined the group there:
 *       the kernel ties it to the interface, so a Solicit's interface is known without IPV6_PKTINFO, and the
 *       reply goes back out of it to the client's link-local address, port 546 (RFC 9915 §7.2);</li>
 *   <li>per unicast address, a socket for relays; a Relay-reply goes to the relay's address and the port it sent
 *       from, 547 or another (RFC 9915 §19.3, RFC 8357);</li>
 *   <li>a reply whose lease is not yet fsynced is held, not sent, until the journal says it is durable (group
 *       commit): what a client was told survives {@code kill -9}; the event loop never waits for the disk;</li>
 *   <li>replies are written as a read batch is answered and flushed once at its end (one sendmmsg with epoll);</li>
 *   <li>once a second the loop runs {@link LeaseStore#maintain} (expired leases freed, journal compacted).</li>
 * </ul>
 * Transport: native epoll when available (batched receives and sends, a forced receive buffer), NIO otherwise
 * ({@link Dhcp6ServerConfig#transport()}).
 */
public final class Dhcp6Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dhcp6Server.class);
    private static final byte[] ALL_DHCP_RELAY_AGENTS_AND_SERVERS = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2};

    private final Dhcp6ServerConfig config;
    private final ServerTransport transport;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final LeaseStore store;
    private final AddressChooser chooser;
    private final ClientRateLimiter limiter;
    private Dhcp6Responder responder;                           // event-loop state: swapped there by replacePolicy
    private final Dhcp6Listener listener;
    private final Dhcp6Counters counters = new Dhcp6Counters();
    private final LinkContext link = new LinkContext();
    private final List<Channel> channels = new ArrayList<>();

    // Replies waiting for their lease to be durable, in sequence order (a ring).
    private final Channel[] heldChannel;
    private final DatagramPacket[] heldPacket;
    private final long[] heldSequence;
    private int heldHead;
    private int heldCount;
    private final Runnable flushHeld = this::flushHeld;
    private ScheduledFuture<?> maintenance;

    private Dhcp6Server(Dhcp6Policy policy, Dhcp6ServerConfig config, Dhcp6Listener listener) throws IOException {
        this.config = config;
        this.listener = listener == null ? Dhcp6Listener.NONE : listener;
        this.transport = ServerTransport.of(config.transport());
        this.group = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        this.loop = group.next();
        this.heldChannel = new Channel[config.maxHeldReplies()];
        this.heldPacket = new DatagramPacket[config.maxHeldReplies()];
        this.heldSequence = new long[config.maxHeldReplies()];
        this.store = config.journal() == null ? new InMemoryLeaseStore(4096)
                : InMemoryLeaseStore.open(config.journal(), 4096, config.maxHeldReplies(), () -> loop.execute(flushHeld));
        this.chooser = new AddressChooser(config.salt());
        this.limiter = config.ratePerClient() > 0
                ? new ClientRateLimiter(8192, config.ratePerClient(), Math.max(4, config.ratePerClient())) : null;
        this.responder = responderFor(policy);
    }

    private Dhcp6Responder responderFor(Dhcp6Policy policy) {
        return new Dhcp6Responder(policy, store, chooser, config.serverMac()).listener(listener).rateLimiter(limiter);
    }

    /**
     * Answers by {@code policy} from now on, keeping the lease store, the journal, the sockets and the rate
     * limiter's state: a configuration reload that drops no lease. The swap happens on the event loop between two
     * messages (a message is answered wholly by the old or wholly by the new policy); replies already waiting for
     * the journal are sent as they were written. Its {@link Dhcp6Policy#problems()} are logged as warnings.
     *
     * @return completes once the new policy is in use
     */
    public java.util.concurrent.Future<?> replacePolicy(Dhcp6Policy policy) {
        java.util.Objects.requireNonNull(policy, "policy");
        for (var problem : policy.problems()) {
            LOG.warn("policy {}", problem);
        }
        Dhcp6Responder next = responderFor(policy);               // built here: its allocation stays off the loop
        return loop.submit(() -> {
            responder = next;
        });
    }

    /**
     * Starts a server answering by {@code policy}. Its {@link Dhcp6Policy#problems()} are logged as warnings.
     *
     * @throws IOException when an interface is missing or a socket cannot be bound (port 547 needs root or
     *                     CAP_NET_BIND_SERVICE)
     */
    public static Dhcp6Server start(Dhcp6Policy policy, Dhcp6ServerConfig config, Dhcp6Listener listener)
            throws IOException, InterruptedException {
        for (var problem : policy.problems()) {
            LOG.warn("policy {}", problem);
        }
        Dhcp6Server server = new Dhcp6Server(policy, config, listener);
        try {
            server.bind();
            server.maintenance = server.loop.scheduleAtFixedRate(server::maintain, 1, 1, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind() throws IOException, InterruptedException {
        for (String name : config.interfaces()) {
            NetworkInterface ni = NetworkInterface.getByName(name);
            if (ni == null) {
                throw new IOException("no interface " + name);
            }
            Inet6Address scoped = Inet6Address.getByAddress(null, ALL_DHCP_RELAY_AGENTS_AND_SERVERS, ni);
            Channel ch = bootstrap(name).bind(new InetSocketAddress(scoped, config.serverPort())).sync().channel();
            channels.add(ch);
            InetAddress groupAddress = InetAddress.getByAddress(ALL_DHCP_RELAY_AGENTS_AND_SERVERS);
            ((DatagramChannel) ch).joinGroup(new InetSocketAddress(groupAddress, config.serverPort()), ni).sync();
            sizeReceiveBuffer(ch);
        }
        for (String address : config.unicastAddresses()) {
            long[] a = Ipv6Prefix.parseAddress(address);
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (a[0] >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (a[1] >>> (56 - 8 * i));
            }
            Channel ch = bootstrap(null).bind(new InetSocketAddress(InetAddress.getByAddress(bytes), config.serverPort()))
                    .sync().channel();
            channels.add(ch);
            sizeReceiveBuffer(ch);
        }
    }

    private Bootstrap bootstrap(String interfaceName) {
        return transport.readOptions(new Bootstrap()
                .group(loop)
                .channelFactory(transport.datagram())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_RCVBUF, config.receiveBuffer())
                .handler(new Handler(interfaceName)));
    }

    /**
     * The kernel caps SO_RCVBUF at {@code net.core.rmem_max} (and reports twice what was set): force it when
     * allowed, and say so when a storm would find it short.
     */
    private void sizeReceiveBuffer(Channel ch) {
        transport.forceReceiveBuffer(ch, config.receiveBuffer());
        int actual = ch.config().getOption(ChannelOption.SO_RCVBUF);
        if (actual < config.receiveBuffer()) {
            LOG.warn("DHCPv6 socket {}: SO_RCVBUF is {} octets, not the {} configured: raise net.core.rmem_max"
                    + " (or run with CAP_NET_ADMIN and the epoll transport) so that a boot storm is not dropped",
                    ch.localAddress(), actual, config.receiveBuffer());
        }
    }

    /** "epoll" or "nio": the transport the sockets use. */
    public String transportName() {
        return transport.name();
    }

    /** SO_RCVBUF of each socket as the kernel reports it (twice the bytes it accounts for data). */
    public List<Integer> receiveBuffers() {
        List<Integer> out = new ArrayList<>();
        channels.forEach(c -> out.add(c.config().getOption(ChannelOption.SO_RCVBUF)));
        return out;
    }

    /** Once a second on the loop: expired leases freed, the journal compacted when it has grown. */
    private void maintain() {
        try {
            store.maintain(System.currentTimeMillis() / 1000);
        } catch (RuntimeException e) {                          // a failing store must not stop the schedule
            LOG.warn("DHCPv6 lease store maintenance failed: {}", e.toString());
        }
    }

    /** What was received, answered and dropped. */
    public Dhcp6Counters counters() {
        return counters;
    }

    /** The lease store (read it on the event loop, see {@link #execute}). */
    public LeaseStore store() {
        return store;
    }

    /** Runs {@code task} on the server's event loop, where the store may be read. */
    public void execute(Runnable task) {
        loop.execute(task);
    }

    /** The local addresses the server listens on. */
    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        channels.forEach(c -> out.add((InetSocketAddress) c.localAddress()));
        return out;
    }

    /** One per channel: knows the interface its socket is tied to (null for a relay socket). */
    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final String interfaceName;

        Handler(String interfaceName) {
            super(false);
            this.interfaceName = interfaceName;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf in = packet.content();
            try {
                answer(ctx.channel(), interfaceName, packet.sender(), in);
            } finally {
                packet.release();
            }
        }

        /** The end of a read batch: what was answered in it leaves in one flush (one sendmmsg with epoll). */
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("DHCPv6 socket {}: {}", ctx.channel().localAddress(), cause.toString());
        }
    }

    private void answer(Channel channel, String interfaceName, InetSocketAddress sender, ByteBuf in) {
        if (in.isReadable()) {
            counters.received(in.getUnsignedByte(in.readerIndex()));
        }
        byte[] source = sender.getAddress().getAddress();
        long high = 0;
        long low = 0;
        if (source.length == 16) {
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (source[i] & 0xff);
                low = (low << 8) | (source[8 + i] & 0xff);
            }
        }
        link.set(interfaceName, high, low, System.currentTimeMillis() / 1000);
        ByteBuf out = channel.alloc().directBuffer(1500);
        Outcome outcome;
        try {
            outcome = responder.respond(in, link, out);
        } catch (RuntimeException e) {
            out.release();
            LOG.warn("DHCPv6 responder failed on a {}-octet message", in.readableBytes(), e);
            counters.count(Outcome.MALFORMED);
            return;
        }
        if (outcome != Outcome.REPLIED) {
            out.release();
            counters.count(outcome);
            listener.dropped(outcome);
            return;
        }
        InetSocketAddress to = responder.relayed() ? sender
                : new InetSocketAddress(sender.getAddress(), config.clientPort());
        DatagramPacket reply = new DatagramPacket(out, to);
        listener.answered(responder.request(), responder.replyType(), responder.identity());
        long needed = responder.durableAfter();
        if (needed <= store.durableSequence()) {
            // nothing to wait for (an Advertise, a lease already synced): out with this batch, not behind held
            // replies of other clients; one client's replies stay in order since it waits for each
            counters.count(Outcome.REPLIED);
            channel.write(reply, channel.voidPromise());
            return;
        }
        if (heldCount == heldPacket.length) {
            reply.release();
            counters.count(Outcome.OVERLOADED);
            return;
        }
        int slot = (heldHead + heldCount) % heldPacket.length;
        heldChannel[slot] = channel;
        heldPacket[slot] = reply;
        heldSequence[slot] = needed;
        heldCount++;
    }

    /** Sends the held replies whose leases are now durable (on the event loop). */
    private void flushHeld() {
        long durable = store.durableSequence();
        boolean wrote = false;
        while (heldCount > 0 && heldSequence[heldHead] <= durable) {
            Channel ch = heldChannel[heldHead];
            DatagramPacket p = heldPacket[heldHead];
            heldChannel[heldHead] = null;
            heldPacket[heldHead] = null;
            heldHead = (heldHead + 1) % heldPacket.length;
            heldCount--;
            counters.count(Outcome.REPLIED);
            ch.write(p, ch.voidPromise());
            wrote = true;
        }
        if (wrote) {
            for (Channel ch : channels) {
                ch.flush();
            }
        }
    }

    /** Closes the sockets, sends nothing more, syncs and closes the journal. */
    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.cancel(false);
        }
        for (Channel ch : channels) {
            ch.close().awaitUninterruptibly();
        }
        loop.submit(() -> {
            while (heldCount > 0) {
                heldPacket[heldHead].release();
                heldPacket[heldHead] = null;
                heldHead = (heldHead + 1) % heldPacket.length;
                heldCount--;
            }
        }).awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        store.close();
    }
}
