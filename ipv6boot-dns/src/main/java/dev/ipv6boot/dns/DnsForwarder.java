package dev.ipv6boot.dns;

import dev.ipv6boot.dns.cache.DnsCache;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS forwarder for the boot network: listens on UDP and TCP, answers local names and cached answers
 * itself and forwards the rest to upstream resolvers, with unbound-style access control, RFC 5452
 * hardening, truncation for clients without EDNS (iPXE), negative caching and optional DNS64.
 *
 * <pre>{@code
 * DnsForwarderConfig config = DnsForwarderConfig.builder()
 *         .listen(new InetSocketAddress("2001:db8::1", 53))
 *         .upstream(new InetSocketAddress("2001:db8:53::1", 53))
 *         .accessControl(AccessControl.of(List.of(AccessRule.parse("2001:db8::/64", AccessAction.ALLOW))))
 *         .localHost("boot.example.", InetAddress.getByName("2001:db8::1"))
 *         .build();
 * try (DnsForwarder dns = DnsForwarder.start(config, DnsForwarderListener.NONE)) {
 *     dns.localRecords().putHost("node-17.boot.example.", leasedAddress);
 * }
 * }</pre>
 */
public final class DnsForwarder implements AutoCloseable {
    private static final int BIND_RETRIES = 5;
    /**
     * The largest query datagram read whole, as before with Netty's default UDP read buffer; with recvmmsg
     * (epoll) each of {@link #DATAGRAMS_PER_READ} slots has this size. A longer query arrives cut short and
     * gets FORMERR. Real queries are a question and an OPT, far below it.
     */
    private static final int MAX_QUERY_DATAGRAM = 2048;
    private static final int DATAGRAMS_PER_READ = 16;
    /**
     * Queries read per socket in one event-loop turn, then answered with one flush: one recvmmsg. Four (64)
     * saved syscalls but kept answers waiting longer; under dnsperf's 200 queries in flight it did worse.
     */
    private static final int DATAGRAMS_PER_TURN = 16;
    private static final DnsTransport TRANSPORT = DnsTransport.best();

    private final DnsForwarderConfig config;
    private final EventLoopGroup group;
    private final DnsCounters counters;
    private final DnsCache cache;
    private final LocalRecords localRecords;
    private final List<Channel> channels = new ArrayList<>();
    private final List<InetSocketAddress> boundAddresses = new ArrayList<>();
    private QueryProcessor processor;

    private DnsForwarder(DnsForwarderConfig config) {
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("ipv6boot-dns", true),
                TRANSPORT.ioHandlerFactory());
        this.counters = new DnsCounters();
        this.cache = new DnsCache(config.cacheEntries(), config.maxCacheTtl().toSeconds(),
                config.maxNegativeTtl().toSeconds());
        this.localRecords = new LocalRecords(config.localRecords());
    }

    /**
     * Binds every listen address, UDP and TCP on the same port (a port 0 gets one free port for both), and
     * starts answering.
     *
     * @throws IOException when an address cannot be bound; nothing is left running then
     */
    public static DnsForwarder start(DnsForwarderConfig config, DnsForwarderListener listener) throws IOException {
        DnsForwarder forwarder = new DnsForwarder(config);
        try {
            forwarder.bind(listener);
            return forwarder;
        } catch (IOException | RuntimeException e) {
            forwarder.close();
            throw e;
        }
    }

    private void bind(DnsForwarderListener listener) throws IOException {
        Upstreams upstreams = new Upstreams(config.upstreams(), config.failuresBeforeDown(), config.downTime().toNanos());
        QueryProcessor processor = new QueryProcessor(config, counters, listener, cache, localRecords, upstreams,
                TRANSPORT);
        this.processor = processor;
        UdpQueryHandler udpHandler = new UdpQueryHandler(processor);
        AtomicInteger tcpConnections = new AtomicInteger();
        for (InetSocketAddress address : config.listen()) {
            IOException last = null;
            boolean bound = false;
            for (int i = 0; i < BIND_RETRIES && !bound; i++) {
                List<Channel> udp = new ArrayList<>();
                try {
                    udp.add(bindUdp(udpHandler, address));
                    InetSocketAddress local = (InetSocketAddress) udp.get(0).localAddress();
                    // One socket per event loop on the same port (SO_REUSEPORT): the kernel spreads clients
                    // over them, so UDP is not bound to one thread. Linux only lets the same user join the group.
                    for (int extra = 1; extra < udpSocketsPerAddress(); extra++) {
                        udp.add(bindUdp(udpHandler, local));
                    }
                    Channel tcp = new ServerBootstrap().group(group).channelFactory(TRANSPORT.server())
                            .option(ChannelOption.SO_BACKLOG, 256)
                            .childHandler(new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                    processor.openChannels.add(ch);
                                    ch.pipeline().addLast(new TcpQueryHandler(processor, tcpConnections));
                                }
                            })
                            .bind(new InetSocketAddress(address.getAddress(), local.getPort())).sync().channel();
                    channels.addAll(udp);
                    channels.add(tcp);
                    boundAddresses.add(local);
                    bound = true;
                } catch (Exception e) {              // Netty's sync() rethrows bind failures unchecked
                    for (Channel channel : udp) {
                        channel.close().awaitUninterruptibly();
                    }
                    last = new IOException("cannot listen on " + address + ": " + e, e);
                    if (address.getPort() != 0) {
                        break;                        // a fixed port will not free itself by retrying
                    }
                }
            }
            if (!bound) {
                throw last;
            }
        }
    }

    private Channel bindUdp(UdpQueryHandler handler, InetSocketAddress address) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channelFactory(TRANSPORT.datagram())
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(handler);
        if (TRANSPORT.reusePort() != null) {
            bootstrap.option(TRANSPORT.reusePort(), true);
        }
        if (TRANSPORT.maxDatagramPayloadSize() != null) {
            // One recvmmsg reads up to DATAGRAMS_PER_READ queries, one syscall where there were as many.
            bootstrap.option(TRANSPORT.maxDatagramPayloadSize(), MAX_QUERY_DATAGRAM)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(MAX_QUERY_DATAGRAM * DATAGRAMS_PER_READ)
                                    .maxMessagesPerRead(DATAGRAMS_PER_TURN));
        }
        return bootstrap.bind(address).sync().channel();
    }

    private int udpSocketsPerAddress() {
        return TRANSPORT.reusePort() != null ? config.ioThreads() : 1;
    }

    /** "epoll" or "nio": the Netty transport in use (epoll when its optional jars are present). */
    public static String transportName() {
        return TRANSPORT.name();
    }

    /** The addresses listened on, UDP and TCP alike, with the actual port when 0 was configured. */
    public List<InetSocketAddress> boundAddresses() {
        return List.copyOf(boundAddresses);
    }

    /** The run-time local records: add a machine's name when it gets its lease. */
    public LocalRecords localRecords() {
        return localRecords;
    }

    public DnsCounters counters() {
        return counters;
    }

    public DnsCache cache() {
        return cache;
    }

    public DnsForwarderConfig config() {
        return config;
    }

    /** Stops listening, abandons queries in flight, and waits (bounded) for the threads to end. */
    @Override
    public void close() {
        for (Channel channel : channels) {
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (processor != null) {
            // Accepted TCP clients and upstream sockets too, while their event loops still run the
            // channelInactive handlers that release buffers.
            processor.openChannels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
