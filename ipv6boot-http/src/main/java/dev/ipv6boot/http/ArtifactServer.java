package dev.ipv6boot.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP artifact server: GET and HEAD of files under an {@link ArtifactRoot} sent with zero-copy
 * {@code sendfile}, keep-alive, ranges and conditional requests (RFC 9110 §13, §14), per-machine content from
 * {@link DynamicHandler}s, bounded connections and boot-storm {@link AdmissionPolicy admission control}.
 *
 * <pre>{@code
 * try (ArtifactServer server = ArtifactServer.builder(ArtifactRoot.of(Path.of("/srv/tftp")))
 *         .listen(new InetSocketAddress("::", 80))
 *         .route("/boot/{mac}.ipxe", request -> DynamicResponse.text("#!ipxe\nchain /ipxe/" + request.parameter("mac")))
 *         .admission(AdmissionPolicy.of(64, 8))
 *         .listener(AccessLog.common(System.out::println))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 */
public final class ArtifactServer implements AutoCloseable {
    private final ListeningSockets sockets;
    private final Counters<HttpCounter> counters;
    private final NettyTransport transport;
    private final Admission admission;

    private ArtifactServer(ListeningSockets sockets, Counters<HttpCounter> counters, NettyTransport transport,
                           Admission admission) {
        this.sockets = sockets;
        this.counters = counters;
        this.transport = transport;
        this.admission = admission;
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

    public Counters<HttpCounter> counters() {
        return counters;
    }

    /** {@code epoll} or {@code nio}. */
    public String transportName() {
        return transport.name();
    }

    /** Large downloads in flight now (see {@link AdmissionPolicy}). */
    public int largeDownloadsInFlight() {
        return admission.inFlight();
    }

    /** Stops accepting, closes every connection and waits for the event loops to end. */
    @Override
    public void close() {
        sockets.close();
    }

    /** Configuration of an {@link ArtifactServer}; every setting has a safe default. */
    public static final class Builder {
        private final ArtifactRoot root;
        private List<InetSocketAddress> listen = List.of(new InetSocketAddress("::", 80));
        private HttpLimits limits = HttpLimits.defaults();
        private AdmissionPolicy admission = AdmissionPolicy.unlimited();
        private ContentTypes contentTypes = ContentTypes.defaults();
        private final List<HttpServerContext.Route> routes = new ArrayList<>();
        private final List<ServeListener> listeners = new ArrayList<>();
        private Executor handlerExecutor;
        private NettyTransport transport;
        private int threads;
        private Duration fileCacheValidity = Duration.ofSeconds(1);
        private Executor fileExecutor;

        private Builder(ArtifactRoot root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Where to listen; {@code [::]:80} by default (dual-stack on Linux). Port 0 picks a free port. */
        public Builder listen(InetSocketAddress address) {
            return listen(List.of(address));
        }

        /**
         * Listens on each of {@code addresses} (at least one), all served alike; {@link #localAddress()} is the
         * first. Starting fails, binding none, when any of them cannot be bound.
         */
        public Builder listen(List<InetSocketAddress> addresses) {
            this.listen = ListeningSockets.atLeastOne(addresses);
            return this;
        }

        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public Builder admission(AdmissionPolicy policy) {
            this.admission = Objects.requireNonNull(policy);
            return this;
        }

        public Builder contentTypes(ContentTypes types) {
            this.contentTypes = Objects.requireNonNull(types);
            return this;
        }

        /**
         * Answers paths matching {@code pattern} (see {@link PathPattern}) with {@code handler}, before any
         * file. Routes are tried in the order registered.
         */
        public Builder route(String pattern, DynamicHandler handler) {
            routes.add(new HttpServerContext.Route(PathPattern.compile(pattern), Objects.requireNonNull(handler)));
            return this;
        }

        /** Adds a listener told of every request; {@link AccessLog} is one. */
        public Builder listener(ServeListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Runs dynamic handlers there instead of on the event loop: for handlers that block. */
        public Builder handlerExecutor(Executor executor) {
            this.handlerExecutor = executor;
            return this;
        }

        /** The transport; {@link NettyTransport#detect()} by default. */
        public Builder transport(NettyTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * How long what a path resolved to (and the bytes of files up to 16 KiB) is reused before the disk is
         * asked again; 1 s by default, {@link Duration#ZERO} to look every time. A file replaced on disk is
         * served at most this much later; a large file is re-checked for its size when opened.
         */
        public Builder fileCacheValidity(Duration validity) {
            if (validity.isNegative()) {
                throw new IllegalArgumentException("validity " + validity);
            }
            this.fileCacheValidity = validity;
            return this;
        }

        /**
         * Where paths missing from the cache are resolved (realpath, stat, reading small files), so a slow disk
         * never stalls an event loop; by default two threads of the server's own. {@code Runnable::run}
         * resolves on the event loop instead.
         */
        public Builder fileExecutor(Executor executor) {
            this.fileExecutor = executor;
            return this;
        }

        /** Event-loop threads; 0 (default) lets Netty choose twice the cores. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws java.io.IOException (as Netty's exception) when an address cannot be bound
         */
        public ArtifactServer start() throws InterruptedException {
            NettyTransport chosen = transport != null ? transport : NettyTransport.detect();
            Counters<HttpCounter> counters = new Counters<>(HttpCounter.class);
            Admission gate = new Admission(admission);
            FileCache files = new FileCache(root, fileCacheValidity.toNanos(), 16_384, HttpRequestHandler.INLINE_BODY_LIMIT);
            AtomicInteger open = new AtomicInteger();
            HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                    .setMaxInitialLineLength(limits.maxRequestLineLength())
                    .setMaxHeaderSize(limits.maxHeaderSize())
                    .setMaxChunkSize(8192);
            ListeningSockets sockets = ListeningSockets.bind(chosen, threads, fileExecutor, "ipv6boot-http-files",
                    listen, (group, fileThreads) -> {
                HttpServerContext context = new HttpServerContext(root, files, contentTypes, List.copyOf(routes),
                        List.copyOf(listeners), counters, gate, limits, handlerExecutor, fileThreads);
                return new ServerBootstrap()
                        .group(group)
                        .channelFactory(chosen.serverChannelFactory())
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel child) {
                                counters.increment(HttpCounter.CONNECTIONS);
                                if (open.incrementAndGet() > limits.maxConnections()) {
                                    open.decrementAndGet();
                                    counters.increment(HttpCounter.CONNECTIONS_REFUSED);
                                    child.close();
                                    return;
                                }
                                child.closeFuture().addListener(f -> open.decrementAndGet());
                                HttpRequestHandler handler = new HttpRequestHandler(context);
                                child.pipeline()
                                        .addLast("idle", new IdleStateHandler(true, 0, 0,
                                                limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                        .addLast("head-timer", handler.headTimer())
                                        .addLast("codec", new HttpServerCodec(decoderConfig))
                                        .addLast("artifacts", handler);
                            }
                        });
            });
            return new ArtifactServer(sockets, counters, chosen, gate);
        }
    }
}
