package dev.ipv6boot.http.tftp;

import dev.ipv6boot.http.ArtifactRoot;
import dev.ipv6boot.http.Counters;
import dev.ipv6boot.http.ListeningSockets;
import dev.ipv6boot.http.NettyTransport;
import dev.ipv6boot.http.PathRefusal;
import dev.ipv6boot.http.ServeEvent;
import dev.ipv6boot.http.ServeListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only TFTP server (RFC 1350) over IPv6 with the options blksize (RFC 2348), tsize and timeout
 * (RFC 2349) and windowsize (RFC 7440), for UEFI PXE firmware, which can fetch only {@code tftp://} URLs.
 * Paths go through the same {@link ArtifactRoot} rules as HTTP; write requests get ERROR 2.
 *
 * <pre>{@code
 * try (TftpServer tftp = TftpServer.builder(ArtifactRoot.of(Path.of("/srv/tftp")))
 *         .listen(new InetSocketAddress("2001:db8::1", 69))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 * Each transfer answers from a new port on the listening address (RFC 1350 §4). Bind to a specific address
 * on a multi-homed host: replies from a wildcard socket leave from the address the kernel routes by.
 */
public final class TftpServer implements AutoCloseable {
    private final ListeningSockets sockets;
    private final Counters<TftpCounter> counters;
    private final NettyTransport transport;
    private final Set<InetSocketAddress> active;

    private TftpServer(ListeningSockets sockets, Counters<TftpCounter> counters, NettyTransport transport,
                       Set<InetSocketAddress> active) {
        this.sockets = sockets;
        this.counters = counters;
        this.transport = transport;
        this.active = active;
    }

    public static Builder builder(ArtifactRoot root) {
        return new Builder(root);
    }

    /** The first address actually bound (with the port chosen when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return sockets.localAddress();
    }

    /** Every address actually bound, in the order of {@link Builder#listen(List)}. */
    public List<InetSocketAddress> localAddresses() {
        return sockets.localAddresses();
    }

    public Counters<TftpCounter> counters() {
        return counters;
    }

    public String transportName() {
        return transport.name();
    }

    /** Transfers running now. */
    public int activeTransfers() {
        return active.size();
    }

    @Override
    public void close() {
        sockets.close();
    }

    /**
     * Limits and callbacks shared by every transfer.
     *
     * @param maxBlockSize   largest blksize granted (RFC 2348 allows 65464; a client asking more gets this)
     * @param maxWindowSize  largest windowsize granted (RFC 7440)
     * @param timeout        the first retransmission timeout when the client asks none (RFC 2349)
     * @param maxRetries     retransmissions before a transfer is abandoned; the wait doubles each time
     * @param maxTransfers   concurrent transfers; more requests get ERROR 0 "busy"
     */
    record Settings(int maxBlockSize, int maxWindowSize, Duration timeout, int maxRetries, int maxTransfers,
                    List<ServeListener> listeners) {
        void notify(ServeEvent event) {
            for (ServeListener listener : listeners) {
                try {
                    listener.served(event);
                } catch (RuntimeException ignored) {
                    // a listener's bug must not break serving
                }
            }
        }
    }

    /** Configuration of a {@link TftpServer}. */
    public static final class Builder {
        private final ArtifactRoot root;
        private List<InetSocketAddress> listen = List.of(new InetSocketAddress("::", 69));
        private int maxBlockSize = 65464;
        private int maxWindowSize = 64;
        private Duration timeout = Duration.ofSeconds(1);
        private int maxRetries = 5;
        private int maxTransfers = 1024;
        private final List<ServeListener> listeners = new ArrayList<>();
        private NettyTransport transport;
        private int threads;
        private java.util.concurrent.Executor fileExecutor;

        private Builder(ArtifactRoot root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Where requests arrive; {@code [::]:69} by default. Port 0 picks a free port. */
        public Builder listen(InetSocketAddress address) {
            return listen(List.of(address));
        }

        /**
         * Listens on each of {@code addresses} (at least one), all served alike; each transfer answers from the
         * address its request came to. Starting fails, binding none, when any of them cannot be bound.
         */
        public Builder listen(List<InetSocketAddress> addresses) {
            this.listen = ListeningSockets.atLeastOne(addresses);
            return this;
        }

        /** Largest block granted, 8-65464 (RFC 2348); 65464 by default. */
        public Builder maxBlockSize(int bytes) {
            if (bytes < 8 || bytes > 65464) {
                throw new IllegalArgumentException("blksize " + bytes);
            }
            this.maxBlockSize = bytes;
            return this;
        }

        /** Largest window granted, 1-65535 (RFC 7440); 64 by default. */
        public Builder maxWindowSize(int blocks) {
            if (blocks < 1 || blocks > 65535) {
                throw new IllegalArgumentException("windowsize " + blocks);
            }
            this.maxWindowSize = blocks;
            return this;
        }

        /** The first retransmission timeout when the client asks for none; 1 s by default. */
        public Builder timeout(Duration timeout) {
            if (timeout.toMillis() < 10) {
                throw new IllegalArgumentException("timeout " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder maxRetries(int retries) {
            this.maxRetries = retries;
            return this;
        }

        public Builder maxTransfers(int transfers) {
            this.maxTransfers = transfers;
            return this;
        }

        public Builder listener(ServeListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Builder transport(NettyTransport transport) {
            this.transport = transport;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Where requested files are resolved and opened (and netascii files translated), off the event loops;
         * two threads of the server's own by default. Blocks of an open file are read on the event loop: a
         * positional read of at most one window from the page cache.
         */
        public Builder fileExecutor(java.util.concurrent.Executor executor) {
            this.fileExecutor = executor;
            return this;
        }

        public TftpServer start() throws InterruptedException {
            NettyTransport chosen = transport != null ? transport : NettyTransport.detect();
            Counters<TftpCounter> counters = new Counters<>(TftpCounter.class);
            Settings settings = new Settings(maxBlockSize, maxWindowSize, timeout, maxRetries, maxTransfers,
                    List.copyOf(listeners));
            Set<InetSocketAddress> active = ConcurrentHashMap.newKeySet();
            ListeningSockets sockets = ListeningSockets.bind(chosen, threads, fileExecutor, "ipv6boot-tftp-files",
                    listen, (group, files) -> new Bootstrap().group(group).channelFactory(chosen.datagramChannelFactory())
                            .handler(new RequestHandler(root, settings, counters, active, chosen, group, files)));
            return new TftpServer(sockets, counters, chosen, active);
        }
    }

    /**
     * The listening ports (one handler for all of them): parses requests, refuses what it must, and starts
     * transfers on new ports.
     */
    @ChannelHandler.Sharable
    private static final class RequestHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final ArtifactRoot root;
        private final Settings settings;
        private final Counters<TftpCounter> counters;
        private final Set<InetSocketAddress> active;
        private final NettyTransport transport;
        private final EventLoopGroup group;
        private final java.util.concurrent.Executor files;

        RequestHandler(ArtifactRoot root, Settings settings, Counters<TftpCounter> counters,
                       Set<InetSocketAddress> active, NettyTransport transport, EventLoopGroup group,
                       java.util.concurrent.Executor files) {
            this.files = files;
            this.root = root;
            this.settings = settings;
            this.counters = counters;
            this.active = active;
            this.transport = transport;
            this.group = group;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            counters.increment(TftpCounter.REQUESTS);
            InetSocketAddress client = packet.sender();
            ByteBuf content = packet.content();
            if (content.readableBytes() < 2) {
                counters.increment(TftpCounter.MALFORMED);
                return;
            }
            int opcode = content.getUnsignedShort(content.readerIndex());
            if (opcode == TftpPacket.ERROR) {
                // Never answer an error (RFC 1350 §7): two servers could bounce errors forever.
                counters.increment(TftpCounter.ILLEGAL_OPERATION);
                return;
            }
            if (opcode != TftpPacket.RRQ && opcode != TftpPacket.WRQ) {
                counters.increment(TftpCounter.ILLEGAL_OPERATION);
                reject(ctx, client, TftpPacket.ERROR_ILLEGAL_OPERATION, "illegal TFTP operation", null, "?");
                return;
            }
            TftpRequest request = TftpRequest.parse(content);
            if (request == null) {
                counters.increment(TftpCounter.MALFORMED);
                reject(ctx, client, TftpPacket.ERROR_ILLEGAL_OPERATION, "malformed request", null, "?");
                return;
            }
            if (opcode == TftpPacket.WRQ) {
                counters.increment(TftpCounter.WRITE_REFUSED);
                reject(ctx, client, TftpPacket.ERROR_ACCESS_VIOLATION, "read-only server", request, "WRQ");
                return;
            }
            if (!request.mode().equals("octet") && !request.mode().equals("netascii")) {
                counters.increment(TftpCounter.ILLEGAL_MODE);
                reject(ctx, client, TftpPacket.ERROR_ILLEGAL_OPERATION, "mode " + printable(request.mode())
                        + " not supported", request, "RRQ");
                return;
            }
            if (active.contains(client)) {
                // The client re-sent its request before our first packet arrived: the transfer answers it.
                counters.increment(TftpCounter.DUPLICATE_REQUESTS);
                return;
            }
            if (active.size() >= settings.maxTransfers()) {
                counters.increment(TftpCounter.BUSY);
                reject(ctx, client, TftpPacket.ERROR_UNDEFINED, "server busy", request, "RRQ");
                return;
            }
            // Reserve the client's port now, so a repeated RRQ is a duplicate while the disk is asked.
            active.add(client);
            try {
                files.execute(() -> open(ctx, client, request));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                active.remove(client);
                counters.increment(TftpCounter.BUSY);
                reject(ctx, client, TftpPacket.ERROR_UNDEFINED, "server busy", request, "RRQ");
            }
        }

        /** Resolves and opens the file off the event loop (a slow disk must not stall other transfers). */
        private void open(ChannelHandlerContext ctx, InetSocketAddress client, TftpRequest request) {
            ArtifactRoot.Resolution resolution = root.resolve(request.filename());
            if (resolution instanceof ArtifactRoot.Refused refused) {
                active.remove(client);
                PathRefusal reason = refused.reason();
                boolean notFound = reason.tftpErrorCode() == TftpPacket.ERROR_NOT_FOUND;
                counters.increment(notFound ? TftpCounter.NOT_FOUND : TftpCounter.ACCESS_VIOLATION);
                reject(ctx, client, reason.tftpErrorCode(), notFound ? "file not found" : "access violation",
                        request, "RRQ");
                return;
            }
            ArtifactRoot.Found found = (ArtifactRoot.Found) resolution;
            BlockSource source;
            try {
                source = request.mode().equals("octet") ? BlockSource.octet(found.file()) : BlockSource.netascii(found.file());
            } catch (java.nio.file.AccessDeniedException e) {
                active.remove(client);
                counters.increment(TftpCounter.ACCESS_VIOLATION);
                reject(ctx, client, TftpPacket.ERROR_ACCESS_VIOLATION, "access violation", request, "RRQ");
                return;
            } catch (IOException e) {
                active.remove(client);
                counters.increment(TftpCounter.FILE_ERRORS);
                reject(ctx, client, TftpPacket.ERROR_UNDEFINED, e.getMessage() == null ? "read error" : e.getMessage(),
                        request, "RRQ");
                return;
            }
            try {
                ctx.executor().execute(() -> begin(ctx, client, request, source));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // The server is closing.
                source.close();
                active.remove(client);
            }
        }

        private void begin(ChannelHandlerContext ctx, InetSocketAddress client, TftpRequest request, BlockSource source) {
            int blockSize = request.blockSize() > 0 ? Math.min(request.blockSize(), settings.maxBlockSize()) : -1;
            int windowSize = request.windowSize() > 0 ? Math.min(request.windowSize(), settings.maxWindowSize()) : -1;
            ByteBuf oack = request.hasOptions()
                    ? TftpPacket.oack(ctx.alloc(), blockSize, request.tsize() ? source.size() : -1, request.timeout(), windowSize)
                    : null;
            long timeoutMillis = request.timeout() > 0 ? request.timeout() * 1000L : settings.timeout().toMillis();
            TftpTransfer transfer = new TftpTransfer(settings, counters, client, request.filename(), source,
                    blockSize > 0 ? blockSize : 512, windowSize > 0 ? windowSize : 1, timeoutMillis, oack,
                    () -> active.remove(client));
            counters.increment(TftpCounter.TRANSFERS_STARTED);
            InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
            ChannelFuture bound = new Bootstrap().group(group).channelFactory(transport.datagramChannelFactory())
                    .handler(transfer).bind(new InetSocketAddress(local.getAddress(), 0));
            bound.addListener(done -> {
                if (done.isSuccess()) {
                    transfer.start(bound.channel());
                } else {
                    counters.increment(TftpCounter.FILE_ERRORS);
                    transfer.channelInactiveWithoutChannel();
                }
            });
        }

        private void reject(ChannelHandlerContext ctx, InetSocketAddress client, int code, String message,
                            TftpRequest request, String method) {
            ctx.writeAndFlush(new DatagramPacket(TftpPacket.error(ctx.alloc(), code, message), client));
            settings.notify(new ServeEvent(ServeEvent.Protocol.TFTP, client, method,
                    request == null ? "" : request.filename(), code, 0, Instant.now(), Duration.ZERO));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors for earlier replies surface here on some transports; the listening socket carries on.
        }

        private static String printable(String text) {
            return text.length() > 32 ? text.substring(0, 32) : text.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }
}
